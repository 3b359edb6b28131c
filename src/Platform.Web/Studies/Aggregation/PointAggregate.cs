using System.Text.Json;

namespace Platform.Web.Studies.Aggregation;

/// <summary>One point of a study (its swept values) with its metrics and claims aggregated over its succeeded runs.</summary>
public sealed record PointAggregate(
    int Point, JsonElement Parameters, int Runs, int Succeeded, IReadOnlyList<MetricAggregate> Metrics, IReadOnlyList<ClaimAggregate> Claims);
