namespace Platform.Web.Components.Shared.Charts;

/// <summary>The x range a user zoomed to; both null means the whole run.</summary>
public sealed record PlotRange(double? From, double? To)
{
    public static PlotRange All { get; } = new(null, null);
}
