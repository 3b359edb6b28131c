namespace Platform.Core.Security;

/// <summary>An API key as the dashboard lists it: never the secret.</summary>
public sealed record ApiKeyInfo(
    Guid Id, string Lookup, string Name, AccessRole Role, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, Guid? CreatedByUserId = null)
{
    /// <summary>How the key appears in run owners and logs.</summary>
    public string Owner => ApiKeyService.OwnerOf(Lookup);

    internal static ApiKeyInfo From(ApiKey key) => new(key.Id, key.Lookup, key.Name, key.Role, key.CreatedAt, key.CreatedBy, key.RevokedAt, key.CreatedByUserId);
}
