using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Web.Api;
using Platform.Web.Components.Pages.Runs.Components;
using Platform.Web.Live;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// The runs grid: filters, sort and page live in the URL; the database pages and sorts. Live events patch the
/// rows on screen and, at most once per <see cref="s_liveInterval"/>, reload the page when runs appear or finish.
/// </summary>
public partial class RunsPage : IDisposable
{
    private const int DefaultPageSize = 25;
    private static readonly int[] s_pageSizes = [25, 50, 100, 200];
    private static readonly TimeSpan s_liveInterval = TimeSpan.FromSeconds(1);

    private MudDataGrid<RunRow>? _grid;
    private RunsFilter _filter = RunsFilter.None;
    private HashSet<RunRow> _selected = new(RunRow.ById);
    private IReadOnlyList<string> _urlProblems = [];
    private IReadOnlyDictionary<Guid, RunRow> _rows = new Dictionary<Guid, RunRow>();
    private RunSortField _initialSort = RunSortField.Created;
    private bool _initialDescending = true;
    private int _currentPage;
    private int _rowsPerPage = DefaultPageSize;
    private bool _startedHidden = true;
    private bool _finishedHidden = true;
    private bool _initialized;
    private bool _cancelling;
    private LiveRunFeed? _feed;

    [SupplyParameterFromQuery(Name = "state")] public string? StateQuery { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? KindQuery { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? TagQuery { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? TextQuery { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortQuery { get; set; }
    [SupplyParameterFromQuery(Name = "order")] public string? OrderQuery { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageQuery { get; set; }
    [SupplyParameterFromQuery(Name = "pageSize")] public string? PageSizeQuery { get; set; }

    [Inject] private RunReader Runs { get; set; } = default!;
    [Inject] private RunQueue Queue { get; set; } = default!;
    [Inject] private RunLabels Labels { get; set; } = default!;
    [Inject] private LiveRunFeeds Feeds { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        // Only the live page listens: a prerender has no circuit to push updates to.
        if (RendererInfo.IsInteractive)
        {
            // Every run: one not on screen may have been queued or finished into this page's view.
            _feed = Feeds.Create(InvokeAsync, OnLiveAsync, DispatchExceptionAsync, s_liveInterval, Wants);
            _feed.FollowAll();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // The URL is the source of truth; values it gets wrong are named, then ignored.
        var query = new RunListQuery(StateQuery, KindQuery, TagQuery, TextQuery, SortQuery, OrderQuery, PageQuery, PageSizeQuery);
        var errors = query.Validate();
        _urlProblems = errors.Select(e => $"Ignored '{e.Key}' in the address: {string.Join(" ", e.Value)}").ToList();
        var filter = new RunsFilter(errors.ContainsKey("state") ? [] : RunListQuery.ParseStates(StateQuery)!, Clean(KindQuery), Clean(TagQuery), Clean(TextQuery));
        if (!_initialized)
        {
            _initialized = true;
            _filter = filter;
            var valid = new RunListQuery(null, null, null, null,
                errors.ContainsKey("sort") ? null : SortQuery, errors.ContainsKey("order") ? null : OrderQuery,
                errors.ContainsKey("page") ? null : PageQuery, errors.ContainsKey("pageSize") ? null : PageSizeQuery).ToFilter();
            (_initialSort, _initialDescending) = (valid.Sort, valid.Descending);
            // Start and finish times make the grid too wide for a laptop; they show when the view sorts by them.
            _startedHidden = _initialSort != RunSortField.Started;
            _finishedHidden = _initialSort != RunSortField.Finished;
            _rowsPerPage = PageSizeQuery is null || errors.ContainsKey("pageSize") ? DefaultPageSize : valid.PageSize;
            _currentPage = valid.Page - 1;
            return;
        }

        if (!filter.SameAs(_filter))
        {
            _filter = filter;
            await ReloadFromFirstPageAsync();
        }
    }

    private SortDirection InitialDirectionOf(RunSortField field) =>
        field != _initialSort ? SortDirection.None : _initialDescending ? SortDirection.Descending : SortDirection.Ascending;

    private async Task<GridData<RunRow>> LoadAsync(GridState<RunRow> state, CancellationToken cancellationToken)
    {
        var definition = state.SortDefinitions.FirstOrDefault();
        var sort = RunsSort.FromColumn(definition?.SortBy) ?? _initialSort;
        var descending = definition?.Descending ?? _initialDescending;
        var list = await Runs.ListAsync(_filter.ToRunFilter(sort, descending, state.Page + 1, state.PageSize), cancellationToken);
        var rows = list.Items.Select(j => new RunRow(j, Time)).ToList();
        Volatile.Write(ref _rows, rows.ToDictionary(r => r.Id));
        NoteMetrics(rows);
        SyncUrl(sort, descending, state.Page + 1, state.PageSize);
        // Events held while the first page loaded come next; later loads only change the rows they patch.
        _feed?.HistoryLoaded();
        return new GridData<RunRow> { Items = rows, TotalItems = list.Total };
    }

    /// <summary>Writes the grid's sort and page into the address (replacing the entry), so a reload or a shared link shows the same view.</summary>
    private void SyncUrl(RunSortField sort, bool descending, int page, int pageSize)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["sort"] = sort == RunSortField.Created ? null : RunsSort.ToQuery(sort),
            ["order"] = descending ? null : "asc",
            ["page"] = page == 1 ? null : page,
            ["pageSize"] = pageSize == DefaultPageSize ? null : pageSize,
        });
        if (uri != Navigation.Uri)
        {
            Navigation.NavigateTo(uri, replace: true);
        }
    }

    private Task OnFilterChangedAsync(RunsFilter filter)
    {
        // Navigating changes the query parameters; OnParametersSetAsync then reloads from page one.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["state"] = filter.States.Count == 0 ? null : string.Join(',', filter.States),
            ["kind"] = filter.Kind,
            ["tag"] = filter.Tag,
            ["q"] = filter.Text,
            ["page"] = null,
        }));
        return Task.CompletedTask;
    }

    private Task FilterByTagAsync(string tag) => OnFilterChangedAsync(_filter with { Tag = tag });

    private async Task ReloadFromFirstPageAsync()
    {
        if (_grid is null)
        {
            return;
        }

        if (_currentPage != 0)
        {
            // Moving to the first page reloads it.
            _grid.NavigateTo(Page.First);
        }
        else
        {
            await _grid.ReloadServerData();
        }
    }

    private void OnSelectionChanged(HashSet<RunRow> selected) => _selected = new HashSet<RunRow>(selected, RunRow.ById);

    private void ClearSelection() => _selected = new HashSet<RunRow>(RunRow.ById);

    private void CompareSelected()
    {
        var ids = _selected.OrderBy(r => r.CreatedAt).Select(r => r.Id);
        Navigation.NavigateTo($"/compare?ids={string.Join(',', ids)}");
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public void Dispose() => _feed?.Dispose();
}
