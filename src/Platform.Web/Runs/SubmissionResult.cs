using Platform.Core.Runs;

namespace Platform.Web.Runs;

/// <summary>
/// The outcome of a submission: the run (new or the one an idempotency key already named), field errors, or a
/// refusal that is not about the fields (the caller's role, its queue cap) with the HTTP status that says so.
/// </summary>
public sealed record SubmissionResult(RunDto? Run, bool Created, IReadOnlyDictionary<string, string[]> Errors, SubmissionRefusal? Refusal = null)
{
    public static SubmissionResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, false, errors);

    /// <summary>A refusal also lists its message under <c>Errors</c>, so pages that show errors show it too.</summary>
    public static SubmissionResult Refused(SubmissionRefusal refusal) =>
        new(null, false, new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] }, refusal);
}

public sealed record SubmissionRefusal(int Status, string Title, string Detail, string Field);
