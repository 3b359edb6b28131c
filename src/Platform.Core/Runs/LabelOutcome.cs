namespace Platform.Core.Runs;

/// <summary>What became of a request to name or annotate a run.</summary>
public enum LabelOutcome
{
    Updated,
    NotFound,
    Forbidden,
}
