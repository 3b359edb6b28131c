using Platform.Core.Metrics;
using Platform.Experiments.Contract;
using Platform.Web.Components.Shared.Charts;

namespace Platform.Web.Compare;

/// <summary>
/// Turns a comparison into chart panels: one per metric key, one curve per run, or with <c>aggregate</c> one mean
/// curve with a band per configuration that has several seeds. Curves are downsampled so the page stays fast with
/// a hundred runs: the budget per panel is shared out between its curves. A run (or configuration) keeps its slot,
/// its colour and line style, on every panel, so identical curves stay told apart and a run is found by its colour.
/// </summary>
public static class ComparisonPlots
{
    private const int PointsPerPanel = 20_000;

    public static IReadOnlyList<PlotSpec> Build(Comparison comparison, bool aggregate, BandKind band, FamilyCatalog catalog)
    {
        var groups = aggregate ? comparison.Groups() : comparison.Runs.Select((_, i) => (IReadOnlyList<int>)[i]).ToList();
        var perCurve = Math.Clamp(PointsPerPanel / Math.Max(1, groups.Count), 100, 2_000);
        var specs = new List<PlotSpec>();
        foreach (var key in comparison.Keys)
        {
            var series = new List<PlotSeries>();
            foreach (var (group, slot) in groups.Select((g, i) => (g, i)))
            {
                var curves = group.Select(i => comparison.Curves[i].GetValueOrDefault(key)).OfType<IReadOnlyList<(long Step, double Value)>>().ToList();
                if (curves.Count == 0) continue;
                var name = NameOf(comparison, group);
                if (curves.Count == 1)
                {
                    series.Add(PlotSeries.From(name, Downsampler.Downsample(curves[0], perCurve)) with { Slot = slot });
                    continue;
                }

                var mean = SeedAggregator.Aggregate(curves, band).Thin(perCurve);
                series.Add(new PlotSeries($"{name} (mean of {curves.Count})",
                    [.. mean.Steps.Select(s => (double)s)], mean.Mean, mean.Low, mean.High) { Slot = slot });
            }

            var panel = PanelOf(key, comparison, catalog);
            // The legend stays for one curve too: its name says which run it is.
            specs.Add(PlotSpec.Of(key, TitleOf(key, panel), panel, series) with { AlwaysLegend = true });
        }

        // The family's panel order, as on each run's page; keys no panel lists come last, by name.
        var panels = comparison.Runs.Select(r => catalog.TryGet(r.Kind, out var e) ? e : null)
            .SelectMany(e => e?.Charts ?? []).Select(p => p.Group).Distinct().ToList();
        int IndexOf(string key) => panels.IndexOf(ChartPanel.GroupOf(key)) is var i and >= 0 ? i : int.MaxValue;
        return [.. specs.OrderBy(s => IndexOf(s.Group)).ThenBy(s => s.Group, StringComparer.Ordinal)];
    }

    /// <summary>
    /// What the runs concluded, side by side: predicted claims supported, then each summary metric, one bar per run
    /// in its slot's colour (the same as its curves below: with <paramref name="aggregate"/>, its configuration's) and
    /// named by its short id. A panel no run has a value for is left out.
    /// </summary>
    public static IReadOnlyList<PlotSpec> Summary(Comparison comparison, ComparedSummaries summaries, bool aggregate)
    {
        var runs = Enumerable.Range(0, comparison.Runs.Count).ToList();
        var groups = comparison.Groups();
        int SlotOf(int run) => aggregate ? groups.Select((g, i) => (g, i)).First(g => g.g.Contains(run)).i : run;
        var claims = Bars("summary:claims", "Predicted claims supported", "claims", run => summaries.Tally(run) is { Predicted: > 0 } t ? t.Supported : null);
        var metrics = summaries.Metrics.Select(metric => Bars("summary:" + metric, metric, "", run => summaries.Metric(run, metric)));
        return [.. metrics.Prepend(claims).Where(spec => spec.Series.Count > 0)];

        PlotSpec Bars(string group, string title, string yAxis, Func<int, double?> valueOf) =>
            new(group, title, "run", yAxis, false, [.. runs
                .Select(run => (run, value: valueOf(run)))
                .Where(r => r.value is not null)
                .Select(r => new PlotSeries(comparison.Runs[r.run].ShortId, [0], [r.value!.Value]) { Slot = SlotOf(r.run) })])
            { Categorical = true };
    }

    private static string NameOf(Comparison comparison, IReadOnlyList<int> group)
    {
        var first = comparison.Runs[group[0]];
        var label = comparison.Parameters.LabelOf(group[0]);
        var id = group.Count == 1 ? first.ShortId : first.Kind;
        return string.IsNullOrEmpty(label) ? id : $"{id} {label}";
    }

    private static ChartPanel? PanelOf(string key, Comparison comparison, FamilyCatalog catalog) => comparison.Runs
        .Select(r => catalog.TryGet(r.Kind, out var e) ? e : null)
        .SelectMany(e => e?.Charts ?? [])
        .FirstOrDefault(p => p.Group == ChartPanel.GroupOf(key));

    private static string TitleOf(string key, ChartPanel? panel) => panel is null
        ? key
        : key.Contains(ChartPanel.Separator) ? $"{panel.Title}: {ChartPanel.SeriesOf(key)}" : panel.Title;
}
