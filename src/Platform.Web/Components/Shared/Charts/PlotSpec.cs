using Platform.Experiments.Contract;

namespace Platform.Web.Components.Shared.Charts;

/// <summary>A chart panel: its metric group, labels and curves.</summary>
public sealed record PlotSpec(string Group, string Title, string XAxis, string YAxis, bool LogY, IReadOnlyList<PlotSeries> Series)
{
    /// <summary>A DOM id for the panel's plot, stable for its group and unique on the page.</summary>
    public string ElementId => "plot-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(Group)).ToLowerInvariant();

    /// <inheritdoc cref="ChartPanel.LogX"/>
    public bool LogX { get; init; }

    /// <inheritdoc cref="ChartPanel.Categorical"/>
    public bool Categorical { get; init; }

    /// <inheritdoc cref="ChartPanel.XScale"/>
    public double XScale { get; init; } = 1;

    /// <summary>Show the legend even for one curve (on compare, the curve's name is the run it belongs to).</summary>
    public bool AlwaysLegend { get; init; }

    /// <summary>A panel drawn as its family declares it, or untitled on a step axis when no panel lists the group.</summary>
    public static PlotSpec Of(string group, string title, ChartPanel? panel, IReadOnlyList<PlotSeries> series) =>
        new(group, title, panel?.XAxis ?? "step", panel?.YAxis ?? "", panel?.LogY ?? false, series)
        {
            LogX = panel?.LogX ?? false,
            Categorical = panel?.Categorical ?? false,
            XScale = panel?.XScale ?? 1,
        };
}
