using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Core.Persistence;

public static class PlatformDbContextOptions
{
    public const string MigrationsAssembly = "Platform.Migrations";

    /// <summary>The one place that configures EF Core for the platform (app, design time and tests share it).</summary>
    public static DbContextOptionsBuilder UsePlatformDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, o => o.MigrationsAssembly(MigrationsAssembly)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UsePlatformDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly)).UseSnakeCaseNamingConvention();
}
