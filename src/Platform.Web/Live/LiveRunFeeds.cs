using Platform.Core.Events;

namespace Platform.Web.Live;

/// <summary>Makes <see cref="LiveRunFeed"/>s for pages, which inject this rather than the bus and a clock.</summary>
public sealed class LiveRunFeeds(RunEventBus bus, TimeProvider time, ILogger<LiveRunFeed> logger)
{
    /// <inheritdoc cref="LiveRunFeed(RunEventBus, TimeProvider, ILogger{LiveRunFeed}, Func{Func{Task}, Task}, Func{LiveRunBatch, Task}, Func{Exception, Task}, TimeSpan?, Func{RunEvent, bool}?)"/>
    public LiveRunFeed Create(
        Func<Func<Task>, Task> dispatch,
        Func<LiveRunBatch, Task> onBatch,
        Func<Exception, Task> onError,
        TimeSpan? interval = null,
        Func<RunEvent, bool>? wants = null) =>
        new(bus, time, logger, dispatch, onBatch, onError, interval, wants);
}
