namespace Platform.Core.Jobs;

public sealed record JobList(IReadOnlyList<JobDto> Items, int Page, int PageSize, int Total);
