using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Core.Postgres;

/// <summary>
/// Turns a cluster that trusts its clients (a new one from initdb, or one made by a version of the app before
/// passwords) into one that asks for them, keeping its data: gives the superuser and the app's role random passwords
/// (<see cref="ClusterCredentials"/>), hands every database the superuser owned, and everything in it, to the app's
/// role, which is not a superuser, then switches <c>pg_hba.conf</c> to SCRAM. Runs while the server listens only
/// on its private socket and accepts only the superuser there; each step can be repeated, so a crash midway is
/// finished at the next start.
/// </summary>
internal sealed class ClusterSecurer(string dataDirectory, ServerAccount account, ILogger logger)
{
    /// <summary>Before the server starts: a cluster not yet secured admits only the superuser, on the socket.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!ClusterAccess.IsSecured(dataDirectory))
        {
            await ClusterAccess.WriteAsync(dataDirectory, ClusterAccess.SecuringRules, cancellationToken);
        }
    }

    /// <summary>Once the server runs: secures it if needed and returns the credentials to connect with.</summary>
    public async Task<ClusterCredentials> SecureAsync(
        Func<string, ClusterCredentials?, CancellationToken, Task<NpgsqlConnection>> openAdmin,
        CancellationToken cancellationToken)
    {
        var credentials = ClusterCredentials.Load(dataDirectory);
        if (ClusterAccess.IsSecured(dataDirectory))
        {
            return credentials ?? throw new InvalidOperationException(
                $"The embedded PostgreSQL in {dataDirectory} asks for passwords, but its password file " +
                $"{ClusterCredentials.PathIn(dataDirectory)} is missing.");
        }

        credentials ??= await ClusterCredentials.CreateAsync(
            dataDirectory, [EmbeddedPostgresCluster.SuperUser, EmbeddedPostgresCluster.AppRole], account, cancellationToken);
        List<string> databases;
        await using (var connection = await openAdmin("postgres", credentials, cancellationToken))
        {
            await ExecuteAsync(connection, RolesSql(credentials), cancellationToken);
            databases = await OwnedDatabasesAsync(connection, cancellationToken);
            foreach (var database in databases)
            {
                await ExecuteAsync(connection, $"ALTER DATABASE {Quote(database)} OWNER TO {EmbeddedPostgresCluster.AppRole}", cancellationToken);
            }
        }
        foreach (var database in databases)
        {
            await using var connection = await openAdmin(database, credentials, cancellationToken);
            await ExecuteAsync(connection, TransferOwnershipSql, cancellationToken);
        }
        await ClusterAccess.WriteAsync(dataDirectory, ClusterAccess.PasswordRules, cancellationToken);
        await using (var connection = await openAdmin("postgres", credentials, cancellationToken))
        {
            await ExecuteAsync(connection, "SELECT pg_reload_conf()", cancellationToken);
        }
        logger.LogInformation(
            "Secured the embedded PostgreSQL in {DataDirectory}: passwords in {PassFile}, {Count} database(s) handed to {Role}",
            dataDirectory, credentials.PassFile, databases.Count, EmbeddedPostgresCluster.AppRole);
        return credentials;
    }

    // Passwords are URL-safe base64 (ClusterCredentials), so they need no escaping inside a literal.
    private static string RolesSql(ClusterCredentials credentials) => $"""
        ALTER ROLE {EmbeddedPostgresCluster.SuperUser} PASSWORD '{credentials.PasswordOf(EmbeddedPostgresCluster.SuperUser)}';
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EmbeddedPostgresCluster.AppRole}') THEN
                CREATE ROLE {EmbeddedPostgresCluster.AppRole};
            END IF;
        END $$;
        ALTER ROLE {EmbeddedPostgresCluster.AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
            PASSWORD '{credentials.PasswordOf(EmbeddedPostgresCluster.AppRole)}';
        """;

    // The superuser is the bootstrap role: REASSIGN OWNED refuses it (it owns the system catalogs), so each object
    // outside the system schemas is handed over one by one. Sequences that belong to a column follow their table.
    private static readonly string TransferOwnershipSql = $$"""
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT n.nspname FROM pg_namespace n
                     WHERE n.nspowner = '{{EmbeddedPostgresCluster.SuperUser}}'::regrole
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' LOOP
                EXECUTE format('ALTER SCHEMA %I OWNER TO {{EmbeddedPostgresCluster.AppRole}}', r.nspname);
            END LOOP;
            FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relowner = '{{EmbeddedPostgresCluster.SuperUser}}'::regrole
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
                       AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                       AND d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
                EXECUTE format('ALTER TABLE %s OWNER TO {{EmbeddedPostgresCluster.AppRole}}', r.name);
            END LOOP;
            FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE p.proowner = '{{EmbeddedPostgresCluster.SuperUser}}'::regrole
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO {{EmbeddedPostgresCluster.AppRole}}', r.name);
            END LOOP;
            FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                     WHERE t.typowner = '{{EmbeddedPostgresCluster.SuperUser}}'::regrole AND t.typtype IN ('e', 'd')
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' LOOP
                EXECUTE format('ALTER TYPE %s OWNER TO {{EmbeddedPostgresCluster.AppRole}}', r.name);
            END LOOP;
        END $$;
        """;

    private static async Task<List<string>> OwnedDatabasesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = $1) AND datname NOT IN ('postgres', 'template0', 'template1')",
            connection) { Parameters = { new() { Value = EmbeddedPostgresCluster.SuperUser } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
