namespace Platform.Experiments.EdgeOffload.Simulation;

public static class StrategyNames
{
    public static readonly Strategy[] All = Enum.GetValues<Strategy>();

    /// <summary>The series name of a strategy in metric keys, e.g. <c>delay-ms/sc-nf</c>.</summary>
    public static string Key(this Strategy strategy) => strategy switch
    {
        Strategy.Local => "lc",
        Strategy.Edge => "ec",
        Strategy.Split => "sc",
        Strategy.SplitFiltered => "sc-nf",
        Strategy.NaiveSplit => "naive-split",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };

    public static string Label(this Strategy strategy) => strategy switch
    {
        Strategy.Local => "Local computing",
        Strategy.Edge => "Edge computing (JPEG)",
        Strategy.Split => "Split computing (bottleneck)",
        Strategy.SplitFiltered => "Split computing + neural filter",
        Strategy.NaiveSplit => "Naive split at L1 (no bottleneck)",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };
}
