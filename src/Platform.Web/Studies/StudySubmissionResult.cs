using Platform.Core.Studies;
using Platform.Web.Runs;

namespace Platform.Web.Studies;

/// <summary>The outcome of a study submission: the study (new or named by its idempotency key), field errors, or a refusal.</summary>
public sealed record StudySubmissionResult(
    StudyDto? Study, bool Created, IReadOnlyDictionary<string, string[]> Errors, SubmissionRefusal? Refusal = null)
{
    public static StudySubmissionResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, false, errors);

    public static StudySubmissionResult Refused(SubmissionRefusal refusal) =>
        new(null, false, new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] }, refusal);
}
