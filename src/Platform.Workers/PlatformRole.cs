namespace Platform.Workers;

/// <summary>What one process does: everything, only the web host, or only run jobs.</summary>
public enum PlatformRole
{
    All,
    Web,
    Worker,
}
