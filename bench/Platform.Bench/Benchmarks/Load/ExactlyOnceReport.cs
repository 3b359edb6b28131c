namespace Platform.Bench.Benchmarks.Load;

/// <summary>
/// The load's runs as the database has them. Exactly once holds when the table has precisely the accepted runs,
/// and each one Succeeded after a single attempt (one claim, one attempt row) and a single execution (one trace).
/// </summary>
public sealed record ExactlyOnceReport(int Accepted, long Stored, long Matched, long Succeeded, long OneAttempt, long OneExecution)
{
    public bool Holds => Stored == Accepted && Matched == Accepted && Succeeded == Accepted && OneAttempt == Accepted && OneExecution == Accepted;

    public override string ToString() =>
        $"{Accepted:N0} accepted, {Stored:N0} stored, {Succeeded:N0} Succeeded, {OneAttempt:N0} with one attempt, {OneExecution:N0} executed once";
}
