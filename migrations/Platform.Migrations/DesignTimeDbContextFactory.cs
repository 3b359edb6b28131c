using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Platform.Core.Persistence;

namespace Platform.Migrations;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the app. Npgsql needs a well-formed connection string
/// even when no server is contacted (adding a migration never connects).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Platform")
            ?? "Host=127.0.0.1;Database=platform;Username=platform";
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UsePlatformDatabase(connectionString);
        return new PlatformDbContext(options.Options);
    }
}
