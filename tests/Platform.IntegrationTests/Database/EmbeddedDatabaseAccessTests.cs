using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Core.Postgres;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Database;

/// <summary>
/// Who can reach the embedded cluster (issue 19, item 1): nobody without the password file, no TCP listener unless
/// asked, the app's role is no superuser, and another OS user on the machine gets nowhere.
/// </summary>
public sealed class EmbeddedDatabaseAccessTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_socket_connection_without_the_password_or_with_a_wrong_one_is_refused()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using (var withFile = new NpgsqlConnection(connectionString))
        {
            await withFile.OpenAsync(Ct);
        }

        foreach (var role in new[] { EmbeddedPostgresCluster.AppRole, EmbeddedPostgresCluster.SuperUser })
        {
            var noSecret = new NpgsqlConnectionStringBuilder(connectionString) { Passfile = null, Username = role, Pooling = false };
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(noSecret.ConnectionString));
            noSecret.Password = "guess";
            var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(noSecret.ConnectionString));
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
        }
    }

    [Fact]
    public async Task The_cluster_has_no_tcp_listener_by_default()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var show = new NpgsqlCommand("SHOW listen_addresses", connection);
        Assert.Equal("", await show.ExecuteScalarAsync(Ct));
        var overTcp = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Pooling = false, Timeout = 5 };
        await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync(overTcp.ConnectionString));
    }

    [Fact]
    public async Task The_apps_role_is_not_a_superuser_and_cannot_run_programs_on_the_server()
    {
        await using var connection = new NpgsqlConnection(await server.CreateDatabaseAsync());
        await connection.OpenAsync(Ct);
        await using var super = new NpgsqlCommand("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user", connection);
        Assert.Equal(false, await super.ExecuteScalarAsync(Ct));
        await using var program = new NpgsqlCommand("COPY (SELECT 1) TO PROGRAM 'true'", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => program.ExecuteNonQueryAsync(Ct));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_password_file_and_the_socket_folder_are_the_server_accounts_alone()
    {
        var mode = File.GetUnixFileMode(server.Cluster.PassFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        var socketFolder = File.GetUnixFileMode(server.Cluster.SocketDirectory!);
        Assert.Equal(UnixFileMode.None, socketFolder & (UnixFileMode.GroupExecute | UnixFileMode.OtherExecute));
    }

    [Fact]
    public async Task With_tcp_turned_on_a_tcp_connection_still_needs_the_password()
    {
        await WithOwnClusterAsync(new EmbeddedPostgresOptions { ListenOnTcp = true }, async cluster =>
        {
            var overTcp = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Host = "127.0.0.1", Pooling = false };
            await using (var withFile = new NpgsqlConnection(overTcp.ConnectionString))
            {
                await withFile.OpenAsync(Ct);
            }
            overTcp.Passfile = null;
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(overTcp.ConnectionString));
            overTcp.Password = "guess";
            Assert.Equal(PostgresErrorCodes.InvalidPassword,
                (await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(overTcp.ConnectionString))).SqlState);
        });
    }

    [Fact]
    public async Task Another_os_user_can_reach_neither_the_socket_nor_a_tcp_port()
    {
        if (!OsCommand.IsRoot)
        {
            Assert.Skip("Needs root to create a throwaway OS user (useradd); run the tests as root (CI does) to cover it.");
        }
        var user = "pgprobe" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, (await OsCommand.RunAsync("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user)).Code);
        try
        {
            await WithOwnClusterAsync(new EmbeddedPostgresOptions { ListenOnTcp = true }, async cluster =>
            {
                var psql = OsCommand.PostgresBin("psql");
                foreach (var role in new[] { EmbeddedPostgresCluster.AppRole, EmbeddedPostgresCluster.SuperUser })
                {
                    var socket = await OsCommand.RunAsAsync(user, psql, "-w", "-h", cluster.SocketDirectory!, "-p", $"{cluster.Port}", "-U", role, "-d", "postgres", "-c", "SELECT 1");
                    Assert.NotEqual(0, socket.Code);
                    Assert.Contains("Permission denied", socket.Output);
                    var tcp = await OsCommand.RunAsAsync(user, psql, "-w", "-h", "127.0.0.1", "-p", $"{cluster.Port}", "-U", role, "-d", "postgres", "-c", "SELECT 1");
                    Assert.NotEqual(0, tcp.Code);
                    Assert.Contains("password", tcp.Output);
                }
                var readFile = await OsCommand.RunAsAsync(user, "cat", cluster.PassFile);
                Assert.NotEqual(0, readFile.Code);
            });
        }
        finally
        {
            await OsCommand.RunAsync("userdel", user);
        }
    }

    internal static async Task WithOwnClusterAsync(EmbeddedPostgresOptions options, Func<EmbeddedPostgresCluster, Task> test)
    {
        var folder = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}"[..24]);
        options.DataDirectory = folder;
        try
        {
            await using var cluster = await EmbeddedPostgresCluster.StartAsync(options, folder, NullLogger.Instance, Ct);
            await test(cluster);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
    }
}
