namespace Platform.Core.Security;

/// <summary>
/// Who is making a request: a key or a user, with its role. <see cref="Owner"/> is recorded on runs; it is null for
/// the loopback development mode, whose single anonymous caller owns nothing and is not capped.
/// </summary>
public sealed record Caller(string? Owner, string DisplayName, AccessRole Role)
{
    public bool Can(AccessRole role) => Role >= role;
}
