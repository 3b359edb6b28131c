namespace Platform.Core.Studies;

/// <summary>The rule that turns a study's run counts into its state.</summary>
public static class StudyStates
{
    public static StudyState Of(StudyProgress progress, bool cancelled)
    {
        if (progress.Queued + progress.Running > 0)
        {
            // Once any run has started or finished the study is under way, even if none runs at this instant.
            return progress.Running + progress.Finished > 0 ? StudyState.Running : StudyState.Queued;
        }

        if (progress.Succeeded == progress.Total)
        {
            return StudyState.Succeeded;
        }

        if (cancelled || progress.Cancelled == progress.Total)
        {
            return StudyState.Cancelled;
        }

        return progress.Failed == progress.Total ? StudyState.Failed : StudyState.PartlyFailed;
    }
}
