using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Security;

/// <summary>
/// Creates, checks, lists and revokes API keys, with a context per call. Creating and revoking need an admin caller
/// here, not only on the page, so no other path (a future endpoint, a page that forgot its attribute) can skip it.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<PlatformDbContext> contexts, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public static string OwnerOf(string lookup) => "key:" + lookup;

    public async Task<CreatedApiKey> CreateAsync(Caller caller, string name, AccessRole role, CancellationToken cancellationToken)
    {
        RequireAdmin(caller);
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A key name has 1 to {MaxNameLength} characters.", nameof(name));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var creatorName = caller.Owner is null ? null : UserAccountService.UserNameOf(caller.Owner);
        var creatorId = creatorName is null ? null
            : await db.Users.Where(u => u.UserName == creatorName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        var (text, lookup, secret) = ApiKeySecret.Generate();
        var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(), Lookup = lookup, Name = name, Role = role, Salt = salt,
            Hash = ApiKeySecret.Hash(salt, secret), CreatedAt = time.GetUtcNow(), CreatedBy = caller.DisplayName,
            CreatedByUserId = creatorId,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(ApiKeyInfo.From(key), text);
    }

    /// <summary>The caller a presented key stands for, or null when it is malformed, unknown or revoked.</summary>
    public async Task<Caller?> VerifyAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryParse(presented, out var lookup, out var secret))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Lookup == lookup, cancellationToken);
        if (key is null || key.RevokedAt is not null || !ApiKeySecret.Matches(key.Salt, key.Hash, secret))
        {
            return null;
        }

        return new Caller(OwnerOf(key.Lookup), key.Name, key.Role);
    }

    /// <summary>Whether the key with this lookup id exists and is not revoked (for re-checking open connections).</summary>
    public async Task<bool> IsActiveAsync(string lookup, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AnyAsync(k => k.Lookup == lookup && k.RevokedAt == null, cancellationToken);
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken) => ListAsync(null, cancellationToken);

    /// <summary>Every key, or only those <paramref name="createdByUserId"/> created.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(Guid? createdByUserId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ApiKeys.AsNoTracking();
        if (createdByUserId is { } creator)
        {
            query = query.Where(k => k.CreatedByUserId == creator);
        }

        var keys = await query.OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return keys.Select(ApiKeyInfo.From).ToList();
    }

    /// <summary>Revokes a key at once: the next request that presents it gets a 401. False when there is no such key.</summary>
    public async Task<bool> RevokeAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        RequireAdmin(caller);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        return changed > 0 || await db.ApiKeys.AnyAsync(k => k.Id == id, cancellationToken);
    }

    private static void RequireAdmin(Caller caller)
    {
        if (!caller.Can(AccessRole.Admin))
        {
            throw new UnauthorizedAccessException($"Only admins create and revoke API keys; {caller.DisplayName} is a {caller.Role.ToString().ToLowerInvariant()}.");
        }
    }
}
