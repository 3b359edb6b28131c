using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Security;

/// <summary>Limits on what one caller may send. Local mode is exempt from the per-caller ones.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Largest request body Kestrel accepts; a larger one gets 413.</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>Largest dataset file <c>POST /api/v1/datasets</c> and the dashboard accept; a larger one gets 413.</summary>
    [Range(1, 1L << 40)]
    public long MaxDatasetBytes { get; set; } = 256L << 20;

    /// <summary>
    /// Largest peak memory a run's parameters may ask for, as its family estimates it; a larger run gets 400 naming
    /// the fields that drive the estimate. 0 means half of this machine's memory.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long MaxRunMemoryBytes { get; set; }

    public long EffectiveMaxRunMemoryBytes =>
        MaxRunMemoryBytes > 0 ? MaxRunMemoryBytes : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Submissions one key or user may make per minute; more get 429 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int SubmissionsPerMinute { get; set; } = 120;

    /// <summary>Runs one key or user may have waiting in the queue at once; more get 429.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueuedRunsPerOwner { get; set; } = 200;

    /// <summary>
    /// Failed sign-ins one address may make for one user name within <see cref="SignInWindow"/>; past this many for a
    /// name from all addresses together, each attempt on it is delayed (the name itself is never locked).
    /// </summary>
    [Range(1, 1_000)]
    public int FailedSignInsPerUser { get; set; } = 5;

    /// <summary>Failed sign-ins allowed per client address within <see cref="SignInWindow"/>, across user names.</summary>
    [Range(1, 100_000)]
    public int FailedSignInsPerAddress { get; set; } = 20;

    /// <summary>Sign-in attempts, successful or not, allowed per client address (IPv6: per /64) within <see cref="SignInWindow"/>.</summary>
    [Range(1, 100_000)]
    public int SignInsPerAddress { get; set; } = 60;

    /// <summary>Runs one hub connection may follow at once (<c>Subscribe</c>); more get a hub error.</summary>
    [Range(1, 100_000)]
    public int MaxHubSubscriptions { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(15);
}
