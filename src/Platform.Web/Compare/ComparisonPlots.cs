using Platform.Core.Metrics;
using Platform.Experiments.Contract;
using Platform.Web.Components.Shared.Charts;

namespace Platform.Web.Compare;

/// <summary>
/// Turns a comparison into chart panels: one per metric key, one curve per run, or with <c>aggregate</c> one mean
/// curve with a band per configuration that has several seeds. Curves are downsampled so the page stays fast with
/// a hundred runs: the budget per panel is shared out between its curves.
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
            foreach (var group in groups)
            {
                var curves = group.Select(i => comparison.Curves[i].GetValueOrDefault(key)).OfType<IReadOnlyList<(long Step, double Value)>>().ToList();
                if (curves.Count == 0) continue;
                var name = NameOf(comparison, group);
                if (curves.Count == 1)
                {
                    series.Add(PlotSeries.From(name, Downsampler.Downsample(curves[0], perCurve)));
                    continue;
                }

                var mean = SeedAggregator.Aggregate(curves, band).Thin(perCurve);
                series.Add(new PlotSeries($"{name} (mean of {curves.Count})",
                    [.. mean.Steps.Select(s => (double)s)], mean.Mean, mean.Low, mean.High));
            }

            var panel = PanelOf(key, comparison, catalog);
            specs.Add(new PlotSpec(key, TitleOf(key, panel), panel?.XAxis ?? "step", panel?.YAxis ?? "", panel?.LogY ?? false, series));
        }

        // The family's panel order, as on each run's page; keys no panel lists come last, by name.
        var panels = comparison.Runs.Select(r => catalog.TryGet(r.Kind, out var e) ? e : null)
            .SelectMany(e => e?.Charts ?? []).Select(p => p.Group).Distinct().ToList();
        int IndexOf(string key) => panels.IndexOf(ChartPanel.GroupOf(key)) is var i and >= 0 ? i : int.MaxValue;
        return [.. specs.OrderBy(s => IndexOf(s.Group)).ThenBy(s => s.Group, StringComparer.Ordinal)];
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
