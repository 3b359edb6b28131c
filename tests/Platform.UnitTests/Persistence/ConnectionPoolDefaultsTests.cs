using Npgsql;
using Platform.Core.Persistence;

namespace Platform.UnitTests.Persistence;

public sealed class ConnectionPoolDefaultsTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_platform_default_and_keeps_everything_else()
    {
        var applied = new NpgsqlConnectionStringBuilder(ConnectionPoolDefaults.Apply("Host=db;Port=5433;Username=app;Password=s3cret;Database=platform"));

        Assert.Equal(ConnectionPoolDefaults.MaxPoolSize, applied.MaxPoolSize);
        Assert.Equal(("db", 5433, "app", "s3cret", "platform"), (applied.Host, applied.Port, applied.Username, applied.Password, applied.Database));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=200")]
    [InlineData("Host=db;maxpoolsize=200")]
    public void A_pool_size_the_connection_string_sets_is_kept(string connectionString) =>
        Assert.Equal(200, new NpgsqlConnectionStringBuilder(ConnectionPoolDefaults.Apply(connectionString)).MaxPoolSize);

    [Fact]
    public void A_minimum_above_the_default_raises_the_maximum_to_it() =>
        Assert.Equal(40, new NpgsqlConnectionStringBuilder(ConnectionPoolDefaults.Apply("Host=db;Minimum Pool Size=40")).MaxPoolSize);
}
