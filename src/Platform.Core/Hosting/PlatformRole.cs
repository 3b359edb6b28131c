namespace Platform.Core.Hosting;

/// <summary>What one process does: everything, only the web host, or only executes runs.</summary>
public enum PlatformRole
{
    All,
    Web,
    Worker,
}
