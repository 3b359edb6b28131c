namespace Platform.Core.Datasets;

public enum DeleteOutcome
{
    Deleted,
    NotFound,
    Forbidden,
    InUse,
}
