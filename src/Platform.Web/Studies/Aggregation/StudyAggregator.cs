using System.Text.Json;
using Platform.Core.Runs;
using Platform.Core.Studies;
using Platform.Web.Components.Shared.Evidence;

namespace Platform.Web.Studies.Aggregation;

/// <summary>Groups a study's succeeded runs by point and aggregates their summaries (see <see cref="ClaimAggregator"/>).</summary>
public static class StudyAggregator
{
    public static StudyAggregates Aggregate(StudyDto study, IReadOnlyList<StudyRunResult> results)
    {
        var byPoint = results.ToLookup(r => r.Point);
        var points = study.Points.EnumerateArray()
            .Select((parameters, i) => AggregatePoint(i, parameters, byPoint[i].ToList()))
            .ToList();
        return new StudyAggregates(study.Id, study.Kind, study.State, study.Seeds, study.Progress, points, SeriesBuilder.Build(points),
            GridBuilder.Build(points));
    }

    public static PointAggregate AggregatePoint(int point, JsonElement parameters, IReadOnlyList<StudyRunResult> runs)
    {
        var summaries = runs.Where(r => r.State == RunState.Succeeded && r.Summary is not null)
            .Select(r => Read(r.Summary!)).OfType<SummaryView>().ToList();
        var metrics = summaries.SelectMany(s => s.Metrics.Keys).Distinct()
            .Select(key => new MetricAggregate(key, SampleStatistics.Of(
                summaries.Where(s => s.Metrics.ContainsKey(key)).Select(s => s.Metrics[key]))))
            .ToList();
        var claims = summaries.SelectMany(s => s.Claims).GroupBy(c => c.Claim)
            .Select(g => ClaimAggregator.Aggregate(g.ToList()))
            .ToList();
        return new PointAggregate(point, parameters, runs.Count, summaries.Count, metrics, claims);
    }

    /// <summary>A summary that does not read as one (stored by an older version) counts as no result, not as an error.</summary>
    private static SummaryView? Read(string summary)
    {
        try
        {
            using var document = JsonDocument.Parse(summary);
            return SummaryView.Read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
