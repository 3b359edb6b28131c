namespace Platform.Core.Security;

/// <summary>A user as the dashboard lists it: never the password hash.</summary>
public sealed record UserAccountInfo(Guid Id, string UserName, AccessRole Role, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt)
{
    public bool IsDisabled => DisabledAt is not null;

    /// <summary>How the user appears in run owners and logs.</summary>
    public string Owner => UserAccountService.OwnerOf(UserName);

    internal static UserAccountInfo From(UserAccount user) => new(user.Id, user.UserName, user.Role, user.CreatedAt, user.DisabledAt);
}
