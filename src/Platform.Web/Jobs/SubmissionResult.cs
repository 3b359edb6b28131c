using Platform.Core.Jobs;

namespace Platform.Web.Jobs;

/// <summary>The outcome of a submission: the job (new or the one an idempotency key already named), or field errors.</summary>
public sealed record SubmissionResult(JobDto? Job, bool Created, IReadOnlyDictionary<string, string[]> Errors)
{
    public static SubmissionResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, false, errors);
}
