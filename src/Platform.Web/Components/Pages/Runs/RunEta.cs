using Platform.Core.Runs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>Time left, extrapolated from the elapsed time and the progress the run reported.</summary>
public static class RunEta
{
    public static TimeSpan? Remaining(RunDto run, DateTimeOffset now)
    {
        // Below 2% the rate is mostly start-up cost and the estimate would swing wildly.
        if (run.State != RunState.Running || run.StartedAt is not { } started || run.Progress is < 0.02 or >= 1)
        {
            return null;
        }

        var elapsed = now - started;
        return elapsed <= TimeSpan.Zero ? null : elapsed * ((1 - run.Progress) / run.Progress);
    }

    public static string Describe(TimeSpan remaining) => remaining.TotalSeconds switch
    {
        < 60 => $"about {Math.Max(1, (int)Math.Round(remaining.TotalSeconds))} s left",
        < 3600 => $"about {(int)Math.Round(remaining.TotalMinutes)} min left",
        _ => $"about {remaining.TotalHours:F1} h left",
    };
}
