namespace Platform.Core.Runs;

public sealed record RunList(IReadOnlyList<RunDto> Items, int Page, int PageSize, int Total);
