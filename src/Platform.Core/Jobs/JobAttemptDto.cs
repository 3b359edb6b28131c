namespace Platform.Core.Jobs;

public sealed record JobAttemptDto(int Attempt, string Worker, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome, string? Error)
{
    internal static JobAttemptDto From(JobAttempt a) => new(a.Attempt, a.Worker, a.StartedAt, a.FinishedAt, a.Outcome, a.Error);
}
