using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Studies;

/// <summary>The study limits, read from the same <c>Limits</c> section as the per-caller limits.</summary>
public sealed class StudyLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Most runs (points × seeds) one study may queue; a larger one gets 400.</summary>
    [Range(1, 100_000)]
    public int MaxRunsPerStudy { get; set; } = 1_000;
}
