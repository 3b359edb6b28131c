using Platform.Core.Jobs;

namespace Platform.Web.Components.Pages.Jobs;

/// <summary>Time left, extrapolated from the elapsed time and the progress the run reported.</summary>
public static class RunEta
{
    public static TimeSpan? Remaining(JobDto job, DateTimeOffset now)
    {
        // Below 2% the rate is mostly start-up cost and the estimate would swing wildly.
        if (job.State != JobState.Running || job.StartedAt is not { } started || job.Progress is < 0.02 or >= 1)
        {
            return null;
        }

        var elapsed = now - started;
        return elapsed <= TimeSpan.Zero ? null : elapsed * ((1 - job.Progress) / job.Progress);
    }

    public static string Describe(TimeSpan remaining) => remaining.TotalSeconds switch
    {
        < 60 => $"about {Math.Max(1, (int)Math.Round(remaining.TotalSeconds))} s left",
        < 3600 => $"about {(int)Math.Round(remaining.TotalMinutes)} min left",
        _ => $"about {remaining.TotalHours:F1} h left",
    };
}
