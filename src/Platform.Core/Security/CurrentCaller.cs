namespace Platform.Core.Security;

/// <summary>
/// The caller of the code running now, carried in the execution context: the web host sets it per request and per
/// dashboard event, so the services that change state (submit, cancel) enforce roles at one choke point, whichever
/// page or endpoint calls them. Null means the platform itself (workers, the command line): unrestricted.
/// </summary>
public static class CurrentCaller
{
    private static readonly AsyncLocal<Caller?> s_current = new();

    public static Caller? Value
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>The owner whose runs the caller may cancel; null when it may cancel any run.</summary>
    internal static string? RestrictedToOwner(Caller caller) => caller.Role == AccessRole.Admin ? null : caller.Owner;
}
