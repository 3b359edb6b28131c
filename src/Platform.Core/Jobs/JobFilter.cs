namespace Platform.Core.Jobs;

/// <summary>
/// Which jobs a list shows and in what order. <see cref="Text"/> matches part of the id, a kind, a tag or error text.
/// </summary>
public sealed record JobFilter(
    IReadOnlyList<JobState>? States = null,
    string? Kind = null,
    string? Tag = null,
    string? Text = null,
    JobSortField Sort = JobSortField.Created,
    bool Descending = true,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 500;
}
