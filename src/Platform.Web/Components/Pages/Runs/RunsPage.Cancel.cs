using MudBlazor;
using Platform.Core.Runs;
using Platform.Web.Components.Pages.Runs.Components;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>Bulk cancel: confirm, ask the queue per run, then say exactly what happened to how many.</summary>
public partial class RunsPage
{
    private async Task CancelSelectedAsync()
    {
        var ids = _selected.Select(r => r.Id).ToList();
        var dialog = await Dialogs.ShowAsync<CancelRunsDialog>("Cancel runs",
            new DialogParameters<CancelRunsDialog> { { d => d.Count, ids.Count } });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return;
        }

        _cancelling = true;
        try
        {
            var outcomes = new Dictionary<CancelOutcome, int>();
            var caller = await Authentication.GetCallerAsync();
            foreach (var id in ids)
            {
                var outcome = await Queue.RequestCancelAsync(caller, id, CancellationToken.None);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }

            var ended = outcomes.GetValueOrDefault(CancelOutcome.Cancelled) + outcomes.GetValueOrDefault(CancelOutcome.Requested);
            Snackbar.Add(Describe(outcomes), ended == ids.Count ? Severity.Success : ended > 0 ? Severity.Info : Severity.Warning,
                o => o.SnackbarVariant = Variant.Filled);
            if (_grid is not null)
            {
                await _grid.ReloadServerData();
            }

            // After the reload: the grid re-announces the selection it had while reloading.
            ClearSelection();
        }
        finally
        {
            _cancelling = false;
        }
    }

    internal static string Describe(IReadOnlyDictionary<CancelOutcome, int> outcomes)
    {
        var parts = new List<string>();
        Add(CancelOutcome.Cancelled, "cancelled");
        Add(CancelOutcome.Requested, "asked to stop (running)");
        Add(CancelOutcome.AlreadyFinished, "had already finished");
        Add(CancelOutcome.NotFound, "no longer exist");
        return string.Join(", ", parts) + ".";

        void Add(CancelOutcome outcome, string text)
        {
            if (outcomes.GetValueOrDefault(outcome) is var n and > 0)
            {
                parts.Add($"{n} {text}");
            }
        }
    }
}
