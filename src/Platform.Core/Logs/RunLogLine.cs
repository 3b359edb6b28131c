namespace Platform.Core.Logs;

/// <summary>One line of a run's log, as shown on its page.</summary>
public sealed class RunLogLine
{
    public long Id { get; init; }

    public required Guid RunId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Message { get; init; }
}
