namespace Platform.Core.Security;

/// <summary>A person who signs in to the dashboard. Only a PBKDF2 hash of the password is kept.</summary>
/// <remarks>Changes go through <see cref="UserAccountService"/>, which keeps at least one enabled admin.</remarks>
public sealed class UserAccount
{
    public required Guid Id { get; init; }

    public required string UserName { get; init; }

    public required AccessRole Role { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When an admin last ended the user's sessions, by resetting the password or disabling the account. Sessions that
    /// began before it stay ended, also once the account is enabled again.
    /// </summary>
    public DateTimeOffset? SessionsRevokedAt { get; set; }

    /// <summary>Set while the account is disabled: it cannot sign in, and its sessions have ended.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsEnabledAdmin => Role == AccessRole.Admin && DisabledAt is null;
}
