using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Security;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Loopback development mode: every request from this machine acts as an admin, without keys or sign-in. Refused
    /// at start unless every address the app listens on is loopback, and only honoured for loopback clients.
    /// </summary>
    public bool LocalMode { get; set; }

    /// <summary>
    /// How often an open dashboard re-checks its user (deleted, disabled, password reset, role changed). Requests with
    /// the sign-in cookie are checked every time, against a cache this app clears on every change it makes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SessionRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reverse proxies (IP addresses) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: behind a
    /// TLS-terminating proxy this makes the sign-in cookie <c>Secure</c> and turns on HSTS. Empty: the headers are ignored.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Like <see cref="KnownProxies"/>, as address ranges (<c>10.0.0.0/8</c>).</summary>
    public string[] KnownProxyNetworks { get; set; } = [];
}
