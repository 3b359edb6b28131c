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

    /// <summary>The last page a list may ask for, so that the row offset, (Page - 1) × PageSize, fits in an int.</summary>
    public const int MaxPage = 1_000_000;
}
