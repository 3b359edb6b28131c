namespace Platform.Core.Runs;

public sealed record RunAttemptDto(int Attempt, string Worker, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome, string? Error)
{
    internal static RunAttemptDto From(RunAttempt a) => new(a.Attempt, a.Worker, a.StartedAt, a.FinishedAt, a.Outcome, a.Error);
}
