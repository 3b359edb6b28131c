using Platform.Core.Studies;

namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// What a study found: each point's metrics and claims over its seeds, and each metric against each swept parameter, and over both when exactly two are swept.
/// Computed on request from the runs' stored summaries, so it is as current as the runs.
/// </summary>
public sealed record StudyAggregates(
    Guid StudyId, string Kind, StudyState State, int Seeds, StudyProgress Progress, IReadOnlyList<PointAggregate> Points,
    IReadOnlyList<MetricSeries> Series, IReadOnlyList<MetricGrid> Grids);
