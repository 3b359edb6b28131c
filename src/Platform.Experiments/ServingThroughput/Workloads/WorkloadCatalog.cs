namespace Platform.Experiments.ServingThroughput.Workloads;

/// <summary>
/// The paper's three traces, summarised by their means. The means are straight averages of the columns of the
/// CSVs in the authors' repository (efeslab/Nanoflow @ d6b381e, datasets/traces); only the means enter the models.
/// </summary>
public static class WorkloadCatalog
{
    public const string Constant = "constant";
    public const string Upload = "upload";

    public static IReadOnlyDictionary<string, WorkloadStats> Traces { get; } = new Dictionary<string, WorkloadStats>(StringComparer.Ordinal)
    {
        ["splitwise"] = new("Splitwise trace (means)", 1154.7, 211.1, 19_366),
        ["lmsys"] = new("LMSYS-Chat-1M trace (means)", 92.2, 207.4, 100_000),
        ["sharegpt"] = new("ShareGPT trace (means)", 298.8, 323.7, 58_787),
    };

    public static string[] Names { get; } = [Constant, .. Traces.Keys, Upload];
}
