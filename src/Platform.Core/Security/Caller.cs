namespace Platform.Core.Security;

/// <summary>
/// Who is making a request: a key or a user, with its role. <see cref="Owner"/> is recorded on runs; it is null for
/// the loopback development mode, whose single anonymous caller owns nothing and is not capped. The operations that
/// check roles or ownership (submit, cancel, change users) take the caller as a required argument: there is no
/// ambient caller, and no default that means "unrestricted".
/// </summary>
public sealed record Caller(string? Owner, string DisplayName, AccessRole Role)
{
    /// <summary>
    /// The platform acting on its own authority (the command line, its own housekeeping), unrestricted: code that
    /// should not be checked says so by passing this.
    /// </summary>
    public static Caller Platform { get; } = new(null, "the platform", AccessRole.Admin);

    public bool Can(AccessRole role) => Role >= role;

    /// <summary>The owner whose runs this caller may cancel; null when it may cancel any run.</summary>
    public string? RestrictedToOwner => Role == AccessRole.Admin ? null : Owner;
}
