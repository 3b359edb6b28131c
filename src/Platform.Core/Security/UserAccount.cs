namespace Platform.Core.Security;

/// <summary>A person who signs in to the dashboard. Only a PBKDF2 hash of the password is kept.</summary>
public sealed class UserAccount
{
    public required Guid Id { get; init; }

    public required string UserName { get; init; }

    public required AccessRole Role { get; init; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
