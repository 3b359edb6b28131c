using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Persistence;

namespace Platform.Core.Security;

/// <summary>Dashboard users: the first admin (created through the one-time setup link), more users, sign-in checks.</summary>
public sealed partial class UserAccountService(IDbContextFactory<PlatformDbContext> contexts, NpgsqlDataSource dataSource, TimeProvider time)
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 200;

    public static string OwnerOf(string userName) => "user:" + userName;

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

        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            errors["password"] = [$"A password has {MinPasswordLength} to {MaxPasswordLength} characters."];
        }

        return errors;
    }

    /// <summary>
    /// Creates the first admin, only while there is none. Two racing set-ups cannot both succeed: the check and
    /// the insert share a transaction under an advisory lock.
    /// </summary>
    public async Task<bool> CreateFirstAdminAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var hash = PasswordHashing.Hash(password);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('platform_first_admin'))", connection, transaction))
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
        return created;
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public async Task<bool> CreateAsync(string userName, string password, AccessRole role, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = userName.Trim();
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            return false;
        }

        db.Users.Add(new UserAccount { Id = Guid.CreateVersion7(), UserName = name, Role = role, PasswordHash = PasswordHashing.Hash(password), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The caller for a correct user name and password, or null.</summary>
    public async Task<Caller?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = userName.Trim();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        // Hash even for an unknown name, so the response time does not tell which names exist.
        var matches = PasswordHashing.Verify(password, user?.PasswordHash ?? s_dummyHash.Value);
        return user is not null && matches ? new Caller(OwnerOf(user.UserName), user.UserName, user.Role) : null;
    }

    private static readonly Lazy<string> s_dummyHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString()));

    [GeneratedRegex(@"^[A-Za-z0-9._@\-]{1,64}$")]
    private static partial Regex UserNamePattern();
}
