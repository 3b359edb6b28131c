using System.ComponentModel.DataAnnotations;

namespace Platform.Workers.Runs;

/// <summary>
/// What one run may store. A breach fails the run with an error naming the limit: silently dropping points or files
/// would make a run look complete when it is not.
/// </summary>
public sealed class RunLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Metric points one attempt of a run may log (a resumed attempt counts afresh from its checkpoint).</summary>
    [Range(1, long.MaxValue)]
    public long MaxMetricPointsPerRun { get; set; } = 10_000_000;

    /// <summary>Largest artifact or checkpoint a run may save, in bytes.</summary>
    [Range(1, 1L << 31)]
    public long MaxArtifactBytes { get; set; } = 64L << 20;
}
