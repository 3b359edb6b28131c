using System.ComponentModel.DataAnnotations;

namespace Platform.Core.Runs;

public sealed class QueueOptions
{
    public const string SectionName = "Queue";

    /// <summary>How long a claimed run stays leased without a heartbeat before the reaper takes it back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100)]
    public int DefaultMaxAttempts { get; set; } = 3;
}
