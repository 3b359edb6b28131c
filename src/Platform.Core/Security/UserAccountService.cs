using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Persistence;

namespace Platform.Core.Security;

/// <summary>
/// Dashboard users: the first admin (created through the one-time setup link), sign-in checks, and (in the other
/// parts of this class) the admins' management of users and the re-checks of sessions.
/// </summary>
public sealed partial class UserAccountService(IDbContextFactory<PlatformDbContext> contexts, NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 200;

    private const string OwnerPrefix = "user:";

    // Serializes every change that could remove the last admin (and the first admin's creation) across processes.
    private const string AdminsLock = "SELECT pg_advisory_xact_lock(hashtext('platform_admins'))";

    private readonly UserSessionCache _sessions = new(time);

    public static string OwnerOf(string userName) => OwnerPrefix + userName;

    /// <summary>The owner of a deleted user's runs: it names them, and no caller can have it.</summary>
    public static string DeletedOwnerOf(string userName, Guid id) => $"deleted-user:{userName}:{id:N}";

    /// <summary>The user name in an owner such as <c>user:ada</c>; null for a key's owner.</summary>
    public static string? UserNameOf(string owner) =>
        owner.StartsWith(OwnerPrefix, StringComparison.Ordinal) ? owner[OwnerPrefix.Length..] : null;

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Role == AccessRole.Admin, cancellationToken);
    }

    /// <summary>Field errors for a proposed user name and password; empty when both are acceptable.</summary>
    public static Dictionary<string, string[]> Validate(string? userName, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(userName) || !UserNamePattern().IsMatch(userName))
        {
            errors["userName"] = ["A user name has 1 to 64 letters, digits, '.', '_', '-' or '@'."];
        }

        if (PasswordError(password) is { } passwordError)
        {
            errors["password"] = [passwordError];
        }

        return errors;
    }

    /// <summary>Why a proposed password is not acceptable, or null when it is.</summary>
    public static string? PasswordError(string? password) =>
        password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength
            ? $"A password has {MinPasswordLength} to {MaxPasswordLength} characters."
            : null;

    /// <summary>
    /// Creates the first admin, only while there is none. Two racing set-ups cannot both succeed: the check and
    /// the insert share a transaction under an advisory lock.
    /// </summary>
    public async Task<bool> CreateFirstAdminAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var hash = PasswordHashing.Hash(password);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand(AdminsLock, connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO users (id, user_name, role, password_hash, created_at)
            SELECT @id, @name, 'Admin', @hash, @now WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'Admin')
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
        insert.Parameters.AddWithValue("name", userName.Trim());
        insert.Parameters.AddWithValue("hash", hash);
        insert.Parameters.AddWithValue("now", time.GetUtcNow());
        var created = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        _sessions.Forget(userName.Trim());
        return created;
    }

    /// <summary>The caller for a correct user name and password of an enabled user, or null.</summary>
    public async Task<Caller?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = userName.Trim();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        // Hash even for an unknown name, so the response time does not tell which names exist.
        var matches = PasswordHashing.Verify(password, user?.PasswordHash ?? s_dummyHash.Value);
        return user is not null && matches && user.DisabledAt is null ? new Caller(OwnerOf(user.UserName), user.UserName, user.Role) : null;
    }

    private static readonly Lazy<string> s_dummyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));

    [GeneratedRegex(@"^[A-Za-z0-9._@\-]{1,64}$")]
    private static partial Regex UserNamePattern();
}
