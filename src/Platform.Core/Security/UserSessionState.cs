namespace Platform.Core.Security;

/// <summary>What a sign-in session needs to know of its user: whether it may go on, with which role, since when.</summary>
internal sealed record UserSessionState(AccessRole Role, bool Disabled, DateTimeOffset SessionsValidFrom)
{
    public static UserSessionState From(UserAccount user) =>
        new(user.Role, user.DisabledAt is not null, user.SessionsRevokedAt ?? user.CreatedAt);
}
