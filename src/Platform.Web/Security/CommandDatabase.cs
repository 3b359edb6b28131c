using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Core.Persistence;
using Platform.Web.Database;

namespace Platform.Web.Security;

/// <summary>
/// The database a shell command (<c>keys ...</c>, <c>users ...</c>) works on: the configured server, or the embedded
/// cluster while the app is stopped, migrated to the current schema. Arguments are configuration, as for the app.
/// </summary>
internal sealed class CommandDatabase : IAsyncDisposable
{
    private readonly PlatformDatabase _database;

    private CommandDatabase(PlatformDatabase database, NpgsqlDataSource dataSource)
    {
        _database = database;
        DataSource = dataSource;
        Contexts = new ContextFactory(dataSource);
    }

    public NpgsqlDataSource DataSource { get; }

    public IDbContextFactory<PlatformDbContext> Contexts { get; }

    public static async Task<CommandDatabase> OpenAsync(string[] configuration, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configuration, ApplicationName = typeof(CommandDatabase).Assembly.GetName().Name });
        // Standard output carries only the command's result (key=$(... keys create ...)); every log line goes to standard error.
        builder.Configuration.AddInMemoryCollection([new("Logging:Console:LogToStandardErrorThreshold", "Trace")]);
        var database = await PlatformDatabase.OpenAsync(builder.Configuration, builder.Environment.ContentRootPath, cancellationToken);
        var opened = new CommandDatabase(database, NpgsqlDataSource.Create(database.ConnectionString));
        await using (var db = opened.Contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return opened;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class ContextFactory(NpgsqlDataSource dataSource) : IDbContextFactory<PlatformDbContext>
    {
        public PlatformDbContext CreateDbContext() =>
            new((DbContextOptions<PlatformDbContext>)new DbContextOptionsBuilder<PlatformDbContext>().UsePlatformDatabase(dataSource).UseLoggerFactory(NullLoggerFactory.Instance).Options);
    }
}
