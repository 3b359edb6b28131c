namespace Platform.Core.Jobs;

public sealed record JobFilter(JobState? State = null, string? Kind = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;
}
