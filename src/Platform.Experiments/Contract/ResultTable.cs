namespace Platform.Experiments.Contract;

/// <summary>
/// A table of a run's results, e.g. one row per method. Cells are numbers, strings or null; every row has one
/// cell per column.
/// </summary>
public sealed record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
