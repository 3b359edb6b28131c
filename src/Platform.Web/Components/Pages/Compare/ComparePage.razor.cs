using Microsoft.AspNetCore.Components;
using Platform.Web.Compare;
using Platform.Web.Components.Shared.Charts;
using FamilyCatalog = Platform.Experiments.Contract.FamilyCatalog;

namespace Platform.Web.Components.Pages.Compare;

/// <summary>
/// Runs side by side: curves overlaid per metric, what differs between them, and seeds of one configuration folded
/// into a mean with a band. The run ids live in the URL, so a comparison can be shared.
/// </summary>
public partial class ComparePage
{
    private Comparison? _comparison;
    private IReadOnlyList<PlotSpec> _plots = [];
    private ComparedSummaries? _summaries;
    private IReadOnlyList<PlotSpec> _summaryPlots = [];
    private string? _error;
    private bool _aggregate;
    private bool _hasSeedGroups;
    private BandKind _band = BandKind.MinMax;

    [SupplyParameterFromQuery(Name = "ids")]
    public string? Ids { get; set; }

    [Inject] private ComparisonService Comparisons { get; set; } = default!;
    [Inject] private FamilyCatalog Catalog { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string IdList => string.Join(",", _comparison?.Runs.Select(r => r.Id) ?? []);

    protected override async Task OnParametersSetAsync()
    {
        var (ids, error) = ComparisonIds.Parse(Ids);
        _error = error;
        _comparison = null;
        if (error is not null || !RendererInfo.IsInteractive)
        {
            return;
        }

        _comparison = await Comparisons.LoadAsync(ids, CancellationToken.None);
        _hasSeedGroups = _comparison.Groups().Any(g => g.Count > 1);
        _summaries = new ComparedSummaries(_comparison.Runs);
        _aggregate = _hasSeedGroups;
        Rebuild();
    }

    private void SetAggregate(bool value)
    {
        _aggregate = value;
        Rebuild();
    }

    private void SetBand(BandKind value)
    {
        _band = value;
        Rebuild();
    }

    private void Rebuild()
    {
        if (_comparison is not null)
        {
            _plots = ComparisonPlots.Build(_comparison, _aggregate, _band, Catalog);
            _summaryPlots = ComparisonPlots.Summary(_comparison, _summaries!, _aggregate);
        }
    }

    private void CompareAsync(IReadOnlyCollection<Guid> ids) =>
        Navigation.NavigateTo($"/compare?ids={string.Join(",", ids)}");
}
