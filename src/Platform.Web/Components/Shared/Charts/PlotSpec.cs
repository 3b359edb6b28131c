namespace Platform.Web.Components.Shared.Charts;

/// <summary>A chart panel: its metric group, labels and curves.</summary>
public sealed record PlotSpec(string Group, string Title, string XAxis, string YAxis, bool LogY, IReadOnlyList<PlotSeries> Series)
{
    /// <summary>A DOM id for the panel's plot, stable for its group and unique on the page.</summary>
    public string ElementId => "plot-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(Group)).ToLowerInvariant();
}
