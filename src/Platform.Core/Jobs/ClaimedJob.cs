namespace Platform.Core.Jobs;

/// <summary>What a worker needs to run a job it has just leased.</summary>
public sealed record ClaimedJob(Guid Id, string Kind, string Parameters, long Seed, int Attempt, int MaxAttempts);
