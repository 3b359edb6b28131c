namespace Platform.Web.Security;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Loopback development mode: every request from this machine acts as an admin, without keys or sign-in. Refused
    /// at start unless every address the app listens on is loopback, and only honoured for loopback clients.
    /// </summary>
    public bool LocalMode { get; set; }
}
