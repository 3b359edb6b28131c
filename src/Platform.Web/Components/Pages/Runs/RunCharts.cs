using Platform.Core.Metrics;
using Platform.Experiments.Contract;
using Platform.Web.Components.Shared.Charts;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// The run page's charts: one panel per metric group, one curve per key. History seeds the panels; live samples
/// either open a new panel (drawn with them) or queue as appends to an existing one. A sample at or before the last
/// step seen for its key is dropped, so events held back while the history loaded are never drawn twice.
/// </summary>
public sealed class RunCharts(IReadOnlyList<ChartPanel> panels)
{
    private readonly Dictionary<string, PlotSpec> _specs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lastStep = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Id, string Name), (List<double> X, List<double> Y)> _pending = [];

    public int Count => _specs.Count;

    /// <summary>Panels in the family's order, then the unlisted groups by name.</summary>
    public IEnumerable<PlotSpec> Specs => _specs.Values
        .OrderBy(s => IndexOf(s.Group))
        .ThenBy(s => s.Group, StringComparer.Ordinal);

    public void Load(IEnumerable<MetricSeries> history)
    {
        _specs.Clear();
        _lastStep.Clear();
        _pending.Clear();
        foreach (var group in history.GroupBy(s => ChartPanel.GroupOf(s.Key)))
        {
            var series = group.Select(s => PlotSeries.From(ChartPanel.SeriesOf(s.Key), s.Points)).ToList();
            _specs[group.Key] = NewSpec(group.Key, series);
            foreach (var s in group.Where(s => s.Points.Count > 0))
            {
                _lastStep[s.Key] = s.Points[^1][0];
            }
        }
    }

    /// <summary>Adds one live sample; returns true when it opened a new panel, which needs a render.</summary>
    public bool Add(string key, long step, double value)
    {
        if (_lastStep.TryGetValue(key, out var last) && step <= last)
        {
            return false;
        }

        _lastStep[key] = step;
        var group = ChartPanel.GroupOf(key);
        var name = ChartPanel.SeriesOf(key);
        if (!_specs.TryGetValue(group, out var spec))
        {
            _specs[group] = NewSpec(group, [new PlotSeries(name, [step], [value])]);
            return true;
        }

        if (!_pending.TryGetValue((spec.ElementId, name), out var points))
        {
            _pending[(spec.ElementId, name)] = points = ([], []);
        }

        points.X.Add(step);
        points.Y.Add(value);
        return false;
    }

    /// <summary>The queued appends in the shape <c>platformCharts.append</c> takes, and clears the queue.</summary>
    public IReadOnlyList<PlotAppend> TakeAppends()
    {
        var appends = _pending
            .GroupBy(p => p.Key.Id)
            .Select(g => new PlotAppend(g.Key, [.. g.Select(p => new PlotSeries(p.Key.Name, [.. p.Value.X], [.. p.Value.Y]))]))
            .ToList();
        _pending.Clear();
        return appends;
    }

    /// <summary>The metric keys drawn in a panel, for re-reading them on zoom.</summary>
    public IReadOnlyList<string> KeysOf(string group) =>
        _lastStep.Keys.Where(k => ChartPanel.GroupOf(k) == group).ToList();

    private PlotSpec NewSpec(string group, IReadOnlyList<PlotSeries> series)
    {
        var panel = panels.FirstOrDefault(p => p.Group == group);
        return PlotSpec.Of(group, panel?.Title ?? group, panel, series);
    }

    private int IndexOf(string group)
    {
        for (var i = 0; i < panels.Count; i++)
        {
            if (panels[i].Group == group) return i;
        }

        return int.MaxValue;
    }
}

/// <summary>New points for the curves of one plot element.</summary>
public sealed record PlotAppend(string Id, IReadOnlyList<PlotSeries> Series);
