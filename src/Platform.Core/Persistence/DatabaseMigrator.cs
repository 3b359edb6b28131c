using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Persistence;

/// <summary>
/// Applies pending migrations before any other hosted service starts (hosted services start in registration
/// order, and this one is registered first), so workers never see an old schema.
/// </summary>
internal sealed class DatabaseMigrator(IDbContextFactory<PlatformDbContext> contexts, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private static readonly ActivitySource s_activitySource = new("Platform.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = s_activitySource.StartActivity("Migrate database");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        // On a new database EF would first query the missing history table and log that as a failed command;
        // creating it up front keeps a newcomer's first start free of alarming errors.
        var history = db.GetService<IHistoryRepository>();
        await strategy.ExecuteAsync(() => db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken));
        await strategy.ExecuteAsync(() => db.Database.MigrateAsync(cancellationToken));
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        logger.LogInformation("Database schema is current at {Migration}", applied.LastOrDefault());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
