namespace Platform.Core.Studies;

/// <summary>Where a run sits in its study: which point of the sweep and which seed replicate.</summary>
public sealed class StudyRun
{
    public required Guid RunId { get; init; }

    public required Guid StudyId { get; init; }

    public required int Point { get; init; }

    public required int Replicate { get; init; }
}
