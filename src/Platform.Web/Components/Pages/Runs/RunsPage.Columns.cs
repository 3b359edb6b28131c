using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>
/// Columns a researcher adds to the grid: the claims supported and any summary metric the runs on screen report.
/// The choice is kept per browser (localStorage), so the grid looks the same on the next visit.
/// </summary>
public partial class RunsPage
{
    private const string ColumnsKey = "platform.runs.columns";
    private const string VerdictsColumn = "Claims supported";
    private const int MaxChoices = 64;

    private HashSet<string> _columns = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _metricNames = [];

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The chosen metric columns, whether or not the runs on screen report them, so a column never vanishes.</summary>
    private IEnumerable<string> MetricColumns => _columns.Where(c => c != VerdictsColumn).Order(StringComparer.Ordinal);

    /// <summary>What the column menu offers: the claims, the metrics of the runs on screen and those already chosen.</summary>
    private IEnumerable<string> ColumnChoices => _metricNames.Union(MetricColumns).Order(StringComparer.Ordinal).Prepend(VerdictsColumn);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            var stored = await JS.InvokeAsync<string?>("localStorage.getItem", ColumnsKey);
            _columns = new HashSet<string>(JsonSerializer.Deserialize<string[]>(stored ?? "[]") ?? [], StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // Written by another version of the page: start again from no extra column.
            _columns.Clear();
        }

        if (_columns.Count > 0)
        {
            StateHasChanged();
        }
    }

    /// <summary>After a page of rows loads: the metric names its runs report, for the column menu.</summary>
    private void NoteMetrics(IEnumerable<RunRow> rows)
    {
        var names = rows.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).Take(MaxChoices).ToList();
        if (!names.SequenceEqual(_metricNames))
        {
            _metricNames = names;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private async Task SetColumnAsync(string column, bool shown)
    {
        if (shown) _columns.Add(column);
        else _columns.Remove(column);
        await JS.InvokeVoidAsync("localStorage.setItem", ColumnsKey, JsonSerializer.Serialize(_columns.Order(StringComparer.Ordinal)));
    }
}
