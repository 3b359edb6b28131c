namespace Platform.Core.Security;

/// <summary>
/// An API key as stored: a public lookup id and a salted hash of the secret. The secret itself is shown once,
/// at creation, and never stored.
/// </summary>
public sealed class ApiKey
{
    public required Guid Id { get; init; }

    /// <summary>The public part of the key (<c>pk_&lt;lookup&gt;_...</c>), used to find the row.</summary>
    public required string Lookup { get; init; }

    public required string Name { get; init; }

    public required AccessRole Role { get; init; }

    public required byte[] Salt { get; init; }

    public required byte[] Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who created it: a user, another key, or the command line.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The user who created it, if a user did: disabling or deleting that user revokes the key.</summary>
    public Guid? CreatedByUserId { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
