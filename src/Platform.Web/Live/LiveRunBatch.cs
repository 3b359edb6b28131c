using Platform.Core.Events;

namespace Platform.Web.Live;

/// <summary>
/// What one frame of a <see cref="LiveRunFeed"/> hands its page: the events since the last frame, in the order they were
/// published (events held while the page read its history come first, and may repeat what it read), and whether the
/// page must re-read what it shows because events may have gone unheard (<see cref="LiveFeedResumed"/>).
/// </summary>
public sealed record LiveRunBatch(IReadOnlyList<RunEvent> Events, bool Resync)
{
    public bool IsEmpty => Events.Count == 0 && !Resync;
}
