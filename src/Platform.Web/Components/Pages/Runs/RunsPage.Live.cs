using Platform.Core.Events;
using Platform.Core.Runs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>Live updates of the grid, batched: events only record what changed; a timed flush renders it.</summary>
public partial class RunsPage
{
    /// <summary>Runs on the publisher's thread: records the change and schedules one flush, never renders.</summary>
    private void OnRunEvent(RunEvent runEvent)
    {
        if (runEvent is LiveFeedResumed)
        {
            // Transitions from other processes may have gone unheard: read the page again.
            Volatile.Write(ref _reloadWanted, 1);
        }
        else if (runEvent is not RunStateChanged change)
        {
            return;
        }
        else if (Volatile.Read(ref _rows).ContainsKey(change.RunId))
        {
            _pending[change.RunId] = change;
            // A finished run needs its finish time and duration from the database.
            if (change.State.IsTerminal())
            {
                Volatile.Write(ref _reloadWanted, 1);
            }
        }
        else if (change.State != RunState.Running || change.Progress == 0)
        {
            // A run not on screen was queued, claimed (progress 0) or finished: it may now belong on this page.
            // Its progress events alone never reload the grid.
            Volatile.Write(ref _reloadWanted, 1);
        }
        else
        {
            return;
        }

        if (Interlocked.Exchange(ref _flushScheduled, 1) == 0)
        {
            _ = InvokeAsync(FlushSoonAsync);
        }
    }

    private async Task FlushSoonAsync()
    {
        try
        {
            await Task.Delay(s_flushInterval);
            Volatile.Write(ref _flushScheduled, 0);
            var rows = Volatile.Read(ref _rows);
            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var change) && rows.TryGetValue(id, out var row))
                {
                    row.Apply(change);
                }
            }

            if (Interlocked.Exchange(ref _reloadWanted, 0) == 1 && _grid is not null)
            {
                await _grid.ReloadServerData();
            }
            else
            {
                StateHasChanged();
            }
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }
}
