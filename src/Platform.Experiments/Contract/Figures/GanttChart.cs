namespace Platform.Experiments.Contract.Figures;

/// <summary>
/// A timeline figure: bars on named lanes (execution units, links, ranks). Saved as an artifact by
/// <see cref="FigureArtifacts.SaveGanttAsync"/> and drawn on the run page. Times are in <see cref="TimeUnit"/>.
/// </summary>
public sealed record GanttChart(string Title, string TimeUnit, IReadOnlyList<string> Lanes, IReadOnlyList<GanttBar> Bars);

/// <summary>One bar: a span of <paramref name="Lane"/>; bars of one <paramref name="Category"/> share a colour.</summary>
public sealed record GanttBar(string Lane, double Start, double End, string Category, string? Label = null);
