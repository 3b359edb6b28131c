using Platform.Core.Events;
using Platform.Core.Runs;
using Platform.Web.Live;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>What the live feed changes on the grid: rows on screen are patched; transitions may change which rows those are.</summary>
public partial class RunsPage
{
    /// <summary>
    /// On the publisher's thread: every transition (a run queued, claimed or ended may belong on this page now), but
    /// progress only of the rows on screen, so a busy queue's progress elsewhere schedules no frame.
    /// </summary>
    private bool Wants(RunEvent runEvent) => runEvent switch
    {
        RunStateChanged => true,
        RunProgressed progress => Volatile.Read(ref _rows).ContainsKey(progress.RunId),
        _ => false,
    };

    private async Task OnLiveAsync(LiveRunBatch batch)
    {
        // Transitions from other processes may have gone unheard while the feed was away: read the page again.
        var reload = batch.Resync;
        var rows = Volatile.Read(ref _rows);
        foreach (var runEvent in batch.Events)
        {
            switch (runEvent)
            {
                case RunProgressed progress when rows.TryGetValue(progress.RunId, out var row):
                    row.Apply(progress);
                    break;
                case RunStateChanged change when rows.TryGetValue(change.RunId, out var row):
                    row.Apply(change);
                    // A finished run needs its finish time and duration from the database.
                    reload |= change.State.IsTerminal();
                    break;
                case RunStateChanged:
                    // A run not on screen was queued, claimed or finished: it may now belong on this page.
                    reload = true;
                    break;
            }
        }

        if (reload && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
        else
        {
            StateHasChanged();
        }
    }
}
