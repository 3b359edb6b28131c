namespace Platform.Core.Runs;

/// <summary>Runs that reached a terminal state within the hour starting at <see cref="Hour"/>.</summary>
public sealed record HourlyThroughput(DateTimeOffset Hour, int Succeeded, int Failed, int Cancelled)
{
    public int Total => Succeeded + Failed + Cancelled;
}
