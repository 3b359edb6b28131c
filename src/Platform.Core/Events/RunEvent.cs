using Platform.Core.Runs;
using Platform.Core.Metrics;

namespace Platform.Core.Events;

/// <summary>Something that happened to a run, delivered live to dashboards and hub clients.</summary>
public abstract record RunEvent(Guid RunId);

public sealed record MetricsAppended(Guid RunId, IReadOnlyList<MetricSample> Samples) : RunEvent(RunId);

/// <summary>
/// A run moved to another state (queued, claimed, handed back, ended). <paramref name="Message"/> says why or where:
/// the attempt and its worker, or the error. Progress is <see cref="RunProgressed"/>'s; a run that succeeded is done.
/// </summary>
public sealed record RunStateChanged(Guid RunId, RunState State, string? Message) : RunEvent(RunId);

/// <summary>A running run reported how far it is: a fraction in [0, 1] and what it is doing. Never a state change.</summary>
public sealed record RunProgressed(Guid RunId, double Progress, string? Message) : RunEvent(RunId);

public sealed record RunLogWritten(Guid RunId, DateTimeOffset At, string Message) : RunEvent(RunId);

/// <summary>
/// Cross-process events may have been missed: the notification listener lost the database and is listening again.
/// Delivered to every subscriber of every run, which re-read what they show instead of trusting the live feed.
/// </summary>
public sealed record LiveFeedResumed() : RunEvent(Guid.Empty);
