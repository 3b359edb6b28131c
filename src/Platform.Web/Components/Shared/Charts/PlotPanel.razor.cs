using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Platform.Web.Components.Shared.Charts;

/// <summary>
/// One Plotly chart. Draws <see cref="Spec"/> when it first appears or is replaced by a new instance; live points are
/// appended by the page through <c>platformCharts.append</c>. A zoom re-queries <see cref="LoadRange"/> so the
/// visible range is drawn at full resolution again rather than stretched from the downsampled history.
/// </summary>
public partial class PlotPanel : IAsyncDisposable
{
    private ElementReference _plot;
    private PlotSpec? _drawn;
    private DotNetObjectReference<PlotPanel>? _self;

    [Parameter, EditorRequired]
    public required PlotSpec Spec { get; set; }

    /// <summary>Reads the panel's series for a zoomed range; null disables re-querying.</summary>
    [Parameter]
    public Func<PlotRange, Task<IReadOnlyList<PlotSeries>>>? LoadRange { get; set; }

    [Parameter]
    public RenderFragment? Actions { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReferenceEquals(_drawn, Spec))
        {
            return;
        }

        _drawn = Spec;
        _self ??= DotNetObjectReference.Create(this);
        await JS.InvokeVoidAsync("platformCharts.render", _plot, Spec, LoadRange is null ? null : _self);
    }

    [JSInvokable]
    public async Task OnZoomAsync(string group, double? from, double? to)
    {
        if (LoadRange is null)
        {
            return;
        }

        var series = await LoadRange(new PlotRange(from, to));
        await JS.InvokeVoidAsync("platformCharts.replace", _plot, series);
    }

    private async Task DownloadPngAsync() =>
        await JS.InvokeVoidAsync("platformCharts.png", _plot, string.Concat(Spec.Title.Split(Path.GetInvalidFileNameChars())));

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
