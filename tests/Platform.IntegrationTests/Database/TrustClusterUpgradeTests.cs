using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Core.Postgres;

namespace Platform.IntegrationTests.Database;

/// <summary>
/// A data folder made by the app before passwords (initdb --auth=trust, everything owned by the superuser) is secured
/// at the next start without losing a row, and the app's role can then read, write and migrate it.
/// </summary>
public sealed class TrustClusterUpgradeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}"[..24]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_trust_cluster_is_secured_on_start_and_keeps_its_data_across_restarts()
    {
        await MakeTrustClusterAsync();
        var options = new EmbeddedPostgresOptions { DataDirectory = _folder };

        await using (var cluster = await EmbeddedPostgresCluster.StartAsync(options, _folder, NullLogger.Instance, Ct))
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString);
            await connection.OpenAsync(Ct);
            Assert.Equal("kept", await ScalarAsync(connection, "SELECT text FROM notes WHERE id = 1"));
            // Owner now: it may write and change the schema, as migrations do.
            await ScalarAsync(connection, "INSERT INTO notes (text) VALUES ('added')");
            await ScalarAsync(connection, "ALTER TABLE notes ADD COLUMN at timestamptz");
            Assert.Equal(false, await ScalarAsync(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
            var superuser = new NpgsqlConnectionStringBuilder(cluster.ConnectionString)
            {
                Username = EmbeddedPostgresCluster.SuperUser, Passfile = null, Pooling = false,
            };
            await using var trusted = new NpgsqlConnection(superuser.ConnectionString);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => trusted.OpenAsync(Ct));
        }

        await using (var restarted = await EmbeddedPostgresCluster.StartAsync(options, _folder, NullLogger.Instance, Ct))
        {
            await using var connection = new NpgsqlConnection(restarted.ConnectionString);
            await connection.OpenAsync(Ct);
            Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM notes"));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>What the app's earlier versions did: initdb with trust, a database and a table owned by the superuser.</summary>
    private async Task MakeTrustClusterAsync()
    {
        var account = OsCommand.IsRoot ? "postgres" : null;
        Directory.CreateDirectory(_folder);
        if (account is not null)
        {
            await OsCommand.RunAsync("chown", $"{account}:", _folder);
        }
        await MustAsync(account, OsCommand.PostgresBin("initdb"), "-D", _folder, "-U", EmbeddedPostgresCluster.SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        await MustAsync(account, OsCommand.PostgresBin("pg_ctl"), "start", "-w", "-D", _folder, "-l", Path.Combine(_folder, "server.log"),
            "-o", $"-p 5432 -k {_folder} -c listen_addresses=''");
        try
        {
            string[] psql = [OsCommand.PostgresBin("psql"), "-v", "ON_ERROR_STOP=1", "-h", _folder, "-p", "5432", "-U", EmbeddedPostgresCluster.SuperUser];
            await MustAsync(account, [.. psql, "-d", "postgres", "-c", "CREATE DATABASE platform"]);
            await MustAsync(account, [.. psql, "-d", "platform", "-c", "CREATE TABLE notes (id serial PRIMARY KEY, text text); INSERT INTO notes (text) VALUES ('kept')"]);
        }
        finally
        {
            await MustAsync(account, OsCommand.PostgresBin("pg_ctl"), "stop", "-w", "-D", _folder, "-m", "fast");
        }
    }

    private static async Task MustAsync(string? account, params string[] command)
    {
        var (code, output) = await OsCommand.RunAsAsync(account, command[0], command[1..]);
        Assert.True(code == 0, $"{string.Join(' ', command)} failed: {output}");
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
