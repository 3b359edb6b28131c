using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Core.Security;

/// <summary>
/// What admins do to users: list, create, change role, reset password, disable, enable, delete. A change that would
/// leave no enabled admin is refused. Only an admin caller (or <see cref="Caller.Platform"/>) may change anything.
/// </summary>
public sealed partial class UserAccountService
{
    public async Task<IReadOnlyList<UserAccountInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return users.Select(UserAccountInfo.From).ToList();
    }

    /// <summary>Adds a user who signs in with <paramref name="password"/>; both must pass <see cref="Validate"/>.</summary>
    public async Task<UserChangeResult> CreateAsync(Caller caller, string userName, string password, AccessRole role, CancellationToken cancellationToken)
    {
        var name = userName.Trim();
        if (RefuseUnlessAdmin(caller) is { } refused)
        {
            return refused;
        }

        if (Validate(name, password) is { Count: > 0 } errors)
        {
            return UserChangeResult.Invalid(string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        var hash = PasswordHashing.Hash(password);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            return UserChangeResult.NameTaken(name);
        }

        db.Users.Add(new UserAccount { Id = Guid.CreateVersion7(), UserName = name, Role = role, PasswordHash = hash, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return UserChangeResult.NameTaken(name);
        }

        // A session cookie of an earlier user of this name may have cached "no such user".
        _sessions.Forget(name);
        return UserChangeResult.Done;
    }

    public Task<UserChangeResult> ChangeRoleAsync(Caller caller, Guid id, AccessRole role, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "demoted", endsAdmin: role != AccessRole.Admin, Sync((_, user) => user.Role = role), cancellationToken);

    /// <summary>Sets a new password; the user's existing sessions end.</summary>
    public async Task<UserChangeResult> ResetPasswordAsync(Caller caller, Guid id, string password, CancellationToken cancellationToken)
    {
        if (PasswordError(password) is { } error)
        {
            return UserChangeResult.Invalid(error);
        }

        // Hashed before the change takes the admins lock: the hash is deliberately slow.
        var hash = PasswordHashing.Hash(password);
        var now = time.GetUtcNow();
        return await ChangeAsync(caller, id, "changed", endsAdmin: false, Sync((_, user) =>
        {
            user.PasswordHash = hash;
            user.SessionsRevokedAt = now;
        }), cancellationToken);
    }

    /// <summary>Stops a user from signing in and ends their sessions. Disabling a disabled user changes nothing.</summary>
    public Task<UserChangeResult> DisableAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return ChangeAsync(caller, id, "disabled", endsAdmin: true, async (db, user) =>
        {
            if (user.DisabledAt is null)
            {
                user.DisabledAt = now;
                user.SessionsRevokedAt = now;
            }

            await RevokeKeysOfAsync(db, user, now, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Lets a disabled user sign in again; the sessions they had before stay ended.</summary>
    public Task<UserChangeResult> EnableAsync(Caller caller, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "enabled", endsAdmin: false, Sync((_, user) => user.DisabledAt = null), cancellationToken);

    /// <summary>
    /// Removes a user. Their runs stay, handed in the same transaction to an owner no user can be
    /// (<see cref="DeletedOwnerOf"/>): owners are names, so a later user of the same name would otherwise inherit the
    /// right to cancel them and their share of the queue cap.
    /// </summary>
    public Task<UserChangeResult> DeleteAsync(Caller caller, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "deleted", endsAdmin: true, async (db, user) =>
        {
            var owner = OwnerOf(user.UserName);
            var deleted = DeletedOwnerOf(user.UserName, user.Id);
            await db.Runs.Where(j => j.Owner == owner).ExecuteUpdateAsync(set => set.SetProperty(j => j.Owner, deleted), cancellationToken);
            await RevokeKeysOfAsync(db, user, time.GetUtcNow(), cancellationToken);
            db.Users.Remove(user);
        }, cancellationToken);

    /// <summary>
    /// A key outlives neither its creator's account nor their access: keys a disabled or deleted user made are revoked
    /// with the change (enabling the user again does not revive them).
    /// </summary>
    private static Task<int> RevokeKeysOfAsync(PlatformDbContext db, UserAccount user, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ApiKeys.Where(k => k.CreatedByUserId == user.Id && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), cancellationToken);

    /// <summary>
    /// Applies one change under the admins lock, so two admins demoting each other at the same moment cannot both
    /// succeed and leave none.
    /// </summary>
    private async Task<UserChangeResult> ChangeAsync(
        Caller caller, Guid id, string change, bool endsAdmin, Func<PlatformDbContext, UserAccount, Task> apply, CancellationToken cancellationToken)
    {
        if (RefuseUnlessAdmin(caller) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(AdminsLock, cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserChangeResult.NotFound;
        }

        if (endsAdmin && user.IsEnabledAdmin && !await db.Users.AnyAsync(u => u.Id != id && u.Role == AccessRole.Admin && u.DisabledAt == null, cancellationToken))
        {
            return UserChangeResult.LastAdmin(user.UserName, change);
        }

        await apply(db, user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _sessions.Forget(user.UserName);
        return UserChangeResult.Done;
    }

    private static Func<PlatformDbContext, UserAccount, Task> Sync(Action<PlatformDbContext, UserAccount> apply) =>
        (db, user) =>
        {
            apply(db, user);
            return Task.CompletedTask;
        };

    private static UserChangeResult? RefuseUnlessAdmin(Caller caller) =>
        caller.Can(AccessRole.Admin) ? null : UserChangeResult.NotAllowed;
}
