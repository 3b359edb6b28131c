using Platform.Experiments.FederatedPrompt.Running;

namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>The headline numbers of a run, by key: each method's accuracy, traffic, compute and time, or a sweep's crossover.</summary>
public static class SummaryMetrics
{
    public static Dictionary<string, double> Build(IReadOnlyList<MethodOutcome> outcomes)
    {
        var metrics = new Dictionary<string, double>();
        foreach (var o in outcomes)
        {
            metrics[$"{o.Method}.accuracy"] = o.Accuracy;
            metrics[$"{o.Method}.settled-accuracy"] = o.SettledAccuracy;
            metrics[$"{o.Method}.total-mb"] = o.TotalMb;
            metrics[$"{o.Method}.client-gflops"] = o.ClientGflops;
            metrics[$"{o.Method}.server-gflops"] = o.ServerGflops;
            metrics[$"{o.Method}.seconds"] = o.Seconds;
        }
        return metrics;
    }

    /// <summary>The samples per client at which sfprompt's bytes catch up with fl-full's; left out if they never do.</summary>
    public static Dictionary<string, double> Build(IReadOnlyList<SweepPoint> points)
    {
        var metrics = new Dictionary<string, double>();
        if (SweepCrossover.Crossover(points) is { } crossover)
        {
            metrics["crossover-samples-per-client"] = crossover;
        }
        return metrics;
    }
}
