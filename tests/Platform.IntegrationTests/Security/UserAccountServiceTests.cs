using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Platform.Core.Persistence;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;
using Platform.TestSupport;

namespace Platform.IntegrationTests.Security;

/// <summary>The rules of user management, against a real database: sign-in, the last admin, sessions.</summary>
public sealed class UserAccountServiceTests(PostgresServer server)
{
    private const string Password = "a long enough secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_user_signs_in_and_a_taken_name_or_a_short_password_is_refused()
    {
        var (users, dataSource) = await CreateServiceAsync(new ManualClock(DateTimeOffset.UtcNow));
        await using var _ = dataSource;

        Assert.True((await users.CreateAsync(Caller.Platform, "grace", Password, AccessRole.Runner, Ct)).Succeeded);
        var caller = await users.VerifyAsync(" grace ", Password, Ct);
        Assert.Equal(new Caller("user:grace", "grace", AccessRole.Runner), caller);
        Assert.Null(await users.VerifyAsync("grace", "not the secret!", Ct));

        Assert.Equal(UserChangeOutcome.NameTaken, (await users.CreateAsync(Caller.Platform, "grace", Password, AccessRole.Viewer, Ct)).Outcome);
        var tooShort = await users.CreateAsync(Caller.Platform, "hopper", "short", AccessRole.Viewer, Ct);
        Assert.Equal(UserChangeOutcome.Invalid, tooShort.Outcome);
        Assert.Contains("12 to 200 characters", tooShort.Error);
        Assert.Equal(UserChangeOutcome.Invalid, (await users.CreateAsync(Caller.Platform, "no spaces", Password, AccessRole.Viewer, Ct)).Outcome);

        var listed = Assert.Single(await users.ListAsync(Ct));
        Assert.Equal(("grace", AccessRole.Runner, false), (listed.UserName, listed.Role, listed.IsDisabled));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_and_a_role_change_applies_at_the_next_sign_in()
    {
        var (users, dataSource) = await CreateServiceAsync(new ManualClock(DateTimeOffset.UtcNow));
        await using var _ = dataSource;
        await users.CreateAsync(Caller.Platform, "ada", Password, AccessRole.Admin, Ct);
        var bob = await AddAsync(users, "bob", AccessRole.Viewer);

        Assert.True((await users.DisableAsync(Caller.Platform, bob.Id, Ct)).Succeeded);
        Assert.Null(await users.VerifyAsync("bob", Password, Ct));
        Assert.NotNull((await FindAsync(users, "bob")).DisabledAt);

        Assert.True((await users.EnableAsync(Caller.Platform, bob.Id, Ct)).Succeeded);
        Assert.True((await users.ChangeRoleAsync(Caller.Platform, bob.Id, AccessRole.Runner, Ct)).Succeeded);
        Assert.Equal(AccessRole.Runner, (await users.VerifyAsync("bob", Password, Ct))?.Role);

        Assert.True((await users.ResetPasswordAsync(Caller.Platform, bob.Id, "another long secret", Ct)).Succeeded);
        Assert.Null(await users.VerifyAsync("bob", Password, Ct));
        Assert.NotNull(await users.VerifyAsync("bob", "another long secret", Ct));
        Assert.Equal(UserChangeOutcome.Invalid, (await users.ResetPasswordAsync(Caller.Platform, bob.Id, "short", Ct)).Outcome);

        Assert.True((await users.DeleteAsync(Caller.Platform, bob.Id, Ct)).Succeeded);
        Assert.Null(await users.VerifyAsync("bob", "another long secret", Ct));
        Assert.Equal(UserChangeOutcome.NotFound, (await users.EnableAsync(Caller.Platform, bob.Id, Ct)).Outcome);
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_be_demoted_disabled_or_deleted()
    {
        var (users, dataSource) = await CreateServiceAsync(new ManualClock(DateTimeOffset.UtcNow));
        await using var _ = dataSource;
        var ada = await AddAsync(users, "ada", AccessRole.Admin);
        var cy = await AddAsync(users, "cy", AccessRole.Admin);
        Assert.True((await users.DisableAsync(Caller.Platform, cy.Id, Ct)).Succeeded);

        // A disabled admin does not count: ada is the last one who can sign in.
        var demote = await users.ChangeRoleAsync(Caller.Platform, ada.Id, AccessRole.Runner, Ct);
        Assert.Equal(UserChangeOutcome.LastAdmin, demote.Outcome);
        Assert.Contains("'ada' is the last enabled admin and cannot be demoted", demote.Error);
        Assert.Equal(UserChangeOutcome.LastAdmin, (await users.DisableAsync(Caller.Platform, ada.Id, Ct)).Outcome);
        Assert.Equal(UserChangeOutcome.LastAdmin, (await users.DeleteAsync(Caller.Platform, ada.Id, Ct)).Outcome);
        var unchanged = await FindAsync(users, "ada");
        Assert.Equal((AccessRole.Admin, false), (unchanged.Role, unchanged.IsDisabled));
        // Changes that keep her an enabled admin still go through.
        Assert.True((await users.ChangeRoleAsync(Caller.Platform, ada.Id, AccessRole.Admin, Ct)).Succeeded);
        Assert.True((await users.ResetPasswordAsync(Caller.Platform, ada.Id, "a new long secret", Ct)).Succeeded);

        Assert.True((await users.EnableAsync(Caller.Platform, cy.Id, Ct)).Succeeded);
        Assert.True((await users.ChangeRoleAsync(Caller.Platform, ada.Id, AccessRole.Viewer, Ct)).Succeeded);
        Assert.Equal(UserChangeOutcome.LastAdmin, (await users.DeleteAsync(Caller.Platform, cy.Id, Ct)).Outcome);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_the_same_moment_leave_one_admin()
    {
        var (users, dataSource) = await CreateServiceAsync(new ManualClock(DateTimeOffset.UtcNow));
        await using var _ = dataSource;
        var ada = await AddAsync(users, "ada", AccessRole.Admin);
        var cy = await AddAsync(users, "cy", AccessRole.Admin);

        var results = await Task.WhenAll(
            Task.Run(() => users.ChangeRoleAsync(Caller.Platform, ada.Id, AccessRole.Viewer, Ct), Ct),
            Task.Run(() => users.DisableAsync(Caller.Platform, cy.Id, Ct), Ct));

        Assert.Equal([UserChangeOutcome.Done, UserChangeOutcome.LastAdmin], results.Select(r => r.Outcome).Order());
        Assert.Single(await users.ListAsync(Ct), u => u is { Role: AccessRole.Admin, IsDisabled: false });
    }

    [Fact]
    public async Task Only_an_admin_caller_may_change_users()
    {
        var (users, dataSource) = await CreateServiceAsync(new ManualClock(DateTimeOffset.UtcNow));
        await using var _ = dataSource;
        var bob = await AddAsync(users, "bob", AccessRole.Viewer);
        var runner = new Caller("user:runner", "runner", AccessRole.Runner);
        var admin = new Caller("user:ada", "ada", AccessRole.Admin);

        Assert.Equal(UserChangeOutcome.NotAllowed, (await users.ChangeRoleAsync(runner, bob.Id, AccessRole.Admin, Ct)).Outcome);
        Assert.Equal(UserChangeOutcome.NotAllowed, (await users.CreateAsync(runner, "eve", Password, AccessRole.Admin, Ct)).Outcome);
        Assert.Equal(UserChangeOutcome.NotAllowed, (await users.DeleteAsync(runner, bob.Id, Ct)).Outcome);
        Assert.Equal(UserChangeOutcome.NotAllowed, (await users.ResetPasswordAsync(Platform.Web.Security.CallerPrincipal.Anonymous, bob.Id, "a new long secret", Ct)).Outcome);
        Assert.True((await users.ChangeRoleAsync(admin, bob.Id, AccessRole.Runner, Ct)).Succeeded);
        Assert.True((await users.DisableAsync(Caller.Platform, bob.Id, Ct)).Succeeded);
    }

    [Fact]
    public async Task A_session_ends_for_good_when_its_user_is_disabled_deleted_or_reset_and_carries_a_new_role()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (users, dataSource) = await CreateServiceAsync(clock);
        await using var _ = dataSource;
        var bob = await AddAsync(users, "bob", AccessRole.Runner);
        var signedIn = clock.GetUtcNow();

        Assert.Equal(AccessRole.Runner, await users.CheckSessionAsync("bob", signedIn, Ct));
        await users.ChangeRoleAsync(Caller.Platform, bob.Id, AccessRole.Viewer, Ct);
        Assert.Equal(AccessRole.Viewer, await users.CheckSessionAsync("bob", signedIn, Ct));

        // Enabling a disabled user lets them sign in again, but does not bring back the sessions they had.
        clock.Advance(TimeSpan.FromMinutes(1));
        await users.DisableAsync(Caller.Platform, bob.Id, Ct);
        var signedInWhileDisabled = clock.GetUtcNow();
        Assert.Null(await users.CheckSessionAsync("bob", signedInWhileDisabled, Ct));
        await users.EnableAsync(Caller.Platform, bob.Id, Ct);
        Assert.Null(await users.CheckSessionAsync("bob", signedIn, Ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        signedIn = clock.GetUtcNow();
        Assert.Equal(AccessRole.Viewer, await users.CheckSessionAsync("bob", signedIn, Ct));

        clock.Advance(TimeSpan.FromMinutes(1));
        await users.ResetPasswordAsync(Caller.Platform, bob.Id, "another long secret", Ct);
        Assert.Null(await users.CheckSessionAsync("bob", signedIn, Ct));
        Assert.NotNull(await users.CheckSessionAsync("bob", clock.GetUtcNow(), Ct));

        // A new user of a deleted user's name does not inherit the old sessions.
        var beforeDelete = clock.GetUtcNow();
        await users.DeleteAsync(Caller.Platform, bob.Id, Ct);
        Assert.Null(await users.CheckSessionAsync("bob", beforeDelete, Ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        await users.CreateAsync(Caller.Platform, "bob", Password, AccessRole.Admin, Ct);
        Assert.Null(await users.CheckSessionAsync("bob", beforeDelete, Ct));
        Assert.Equal(AccessRole.Admin, await users.CheckSessionAsync("bob", clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task A_deleted_users_runs_are_not_inherited_by_a_new_user_of_the_same_name()
    {
        var (users, dataSource) = await CreateServiceAsync(new ManualClock(DateTimeOffset.UtcNow));
        await using var _ = dataSource;
        await users.CreateAsync(Caller.Platform, "ada", Password, AccessRole.Admin, Ct);
        var bob = await AddAsync(users, "bob", AccessRole.Runner);
        await InsertRunAsync(dataSource, "user:bob");
        await InsertRunAsync(dataSource, "user:ada");

        Assert.True((await users.DeleteAsync(Caller.Platform, bob.Id, Ct)).Succeeded);
        await users.CreateAsync(Caller.Platform, "bob", Password, AccessRole.Runner, Ct);

        Assert.Equal(
            [UserAccountService.DeletedOwnerOf("bob", bob.Id), "user:ada"],
            await OwnersAsync(dataSource));
    }

    [Fact]
    public async Task A_change_made_by_another_process_reaches_sessions_within_the_cache_lifetime()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (users, dataSource) = await CreateServiceAsync(clock);
        await using var _ = dataSource;
        await users.CreateAsync(Caller.Platform, "bob", Password, AccessRole.Runner, Ct);
        var signedIn = clock.GetUtcNow();
        Assert.Equal(AccessRole.Runner, await users.CheckSessionAsync("bob", signedIn, Ct));

        await using (var disable = dataSource.CreateCommand("UPDATE users SET disabled_at = now() WHERE user_name = 'bob'"))
        {
            await disable.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(AccessRole.Runner, await users.CheckSessionAsync("bob", signedIn, Ct));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await users.CheckSessionAsync("bob", signedIn, Ct));
    }

    private async Task<(UserAccountService Users, NpgsqlDataSource DataSource)> CreateServiceAsync(TimeProvider clock)
    {
        var database = await MigratedDatabase.CreateAsync(server);
        var options = new DbContextOptionsBuilder<PlatformDbContext>().UsePlatformDatabase(database.DataSource).Options;
        var contexts = new PooledDbContextFactory<PlatformDbContext>((DbContextOptions<PlatformDbContext>)options);
        return (new UserAccountService(contexts, database.DataSource, clock), database.DataSource);
    }

    private static async Task InsertRunAsync(NpgsqlDataSource dataSource, string owner)
    {
        await using var insert = dataSource.CreateCommand(
            """
            INSERT INTO runs (id, kind, parameters, seed, state, priority, attempt, max_attempts, cancel_requested, tags, progress, owner)
            VALUES (gen_random_uuid(), 'noop', '{}', 1, 'Queued', 0, 0, 3, false, '{}', 0, $1)
            """);
        insert.Parameters.AddWithValue(owner);
        await insert.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> OwnersAsync(NpgsqlDataSource dataSource)
    {
        await using var select = dataSource.CreateCommand("SELECT owner FROM runs ORDER BY owner");
        await using var reader = await select.ExecuteReaderAsync(Ct);
        var owners = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            owners.Add(reader.GetString(0));
        }
        return owners;
    }

    private static async Task<UserAccountInfo> AddAsync(UserAccountService users, string userName, AccessRole role)
    {
        Assert.True((await users.CreateAsync(Caller.Platform, userName, Password, role, Ct)).Succeeded);
        return await FindAsync(users, userName);
    }

    private static async Task<UserAccountInfo> FindAsync(UserAccountService users, string userName) =>
        (await users.ListAsync(Ct)).Single(u => u.UserName == userName);
}
