namespace Platform.Core.Runs;

/// <summary>
/// Which runs a list shows and in what order. <see cref="Text"/> matches part of the id, a kind, a tag or error text.
/// </summary>
public sealed record RunFilter(
    IReadOnlyList<RunState>? States = null,
    string? Kind = null,
    string? Tag = null,
    string? Text = null,
    RunSortField Sort = RunSortField.Created,
    bool Descending = true,
    int Page = 1,
    int PageSize = 50)
{
    public const int MaxPageSize = 500;

    /// <summary>The last page a list may ask for, so that the row offset, (Page - 1) × PageSize, fits in an int.</summary>
    public const int MaxPage = 1_000_000;
}
