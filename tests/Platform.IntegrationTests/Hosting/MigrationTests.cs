using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.IntegrationTests.Hosting;

public sealed class MigrationTests
{
    [Fact]
    public void Every_change_to_the_model_has_a_migration()
    {
        // Comparing the model with the last migration's snapshot needs no server.
        var options = new DbContextOptionsBuilder<PlatformDbContext>().UsePlatformDatabase("Host=127.0.0.1;Database=unused;Username=unused").Options;
        using var db = new PlatformDbContext((DbContextOptions<PlatformDbContext>)options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no migration covers: add one (the command is in PlatformDbContext's remarks).");
    }
}
