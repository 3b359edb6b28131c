namespace Platform.Core.Runs;

/// <summary>What a worker needs to run a run it has just leased.</summary>
public sealed record ClaimedRun(Guid Id, string Kind, string Parameters, long Seed, int Attempt, int MaxAttempts);
