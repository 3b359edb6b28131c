namespace Platform.Core.Jobs;

public sealed record JobPage(IReadOnlyList<JobDto> Items, int Page, int PageSize, int Total);
