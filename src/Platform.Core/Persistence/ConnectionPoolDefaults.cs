using System.Data.Common;
using Npgsql;

namespace Platform.Core.Persistence;

/// <summary>
/// How many connections one platform process pools unless its connection string says. Npgsql's own default (100) is
/// PostgreSQL's default <c>max_connections</c>, so one busy process, or a web and a worker process together, could ask
/// the server for more connections than it allows; a burst of requests then failed with 500s ("sorry, too many clients
/// already", 53300) where it should have waited a few milliseconds for a pooled connection.
/// </summary>
public static class ConnectionPoolDefaults
{
    /// <summary>Leaves room on a default server for a web process, two workers and a few admin sessions.</summary>
    public const int MaxPoolSize = 30;

    /// <summary><paramref name="connectionString"/> with <see cref="MaxPoolSize"/>, unless it sets a maximum itself.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Maximum Pool Size") || given.ContainsKey("MaxPoolSize"))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = Math.Max(MaxPoolSize, builder.MinPoolSize);
        return builder.ConnectionString;
    }
}
