using Platform.Core.Runs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>What the filter bar narrows the grid to; it lives in the URL so a view can be shared and reloaded.</summary>
public sealed record RunsFilter(IReadOnlyList<RunState> States, string? Kind, string? Tag, string? Text)
{
    public static RunsFilter None { get; } = new([], null, null, null);

    public bool IsEmpty => States.Count == 0 && Kind is null && Tag is null && Text is null;

    /// <summary>Record equality compares lists by reference; filters are equal when they select the same runs.</summary>
    public bool SameAs(RunsFilter other) =>
        States.Order().SequenceEqual(other.States.Order()) && Kind == other.Kind && Tag == other.Tag && Text == other.Text;

    public RunFilter ToRunFilter(RunSortField sort, bool descending, int page, int pageSize) =>
        new(States, Kind, Tag, Text, sort, descending, page, pageSize);
}
