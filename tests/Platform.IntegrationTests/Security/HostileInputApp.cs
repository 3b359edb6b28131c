using System.Net.Http.Json;
using Npgsql;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// One secure, web-only app shared by every hostile case (a host per case would take minutes), with a runner's
/// client and a queued run that another runner owns. Rows exist before the first case, so a stray write shows.
/// </summary>
public sealed class HostileInputApp(PostgresServer server) : IAsyncLifetime
{
    private TestApp? _app;
    private HttpClient? _runner;
    private NpgsqlDataSource? _database;

    public TestApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient Runner => _runner ?? throw new InvalidOperationException("The app has not started.");

    public NpgsqlDataSource Database => _database ?? throw new InvalidOperationException("The app has not started.");

    public Guid OthersRun { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        // Every hostile POST takes a token from the submission rate limit; its own test lives in LimitsTests.
        _app = await SecureApp.StartAsync(connectionString, PlatformRole.Web, new Dictionary<string, string> { ["Limits:SubmissionsPerMinute"] = "100000" });
        _database = NpgsqlDataSource.Create(connectionString);
        _runner = _app.ClientWithKey(await _app.CreateKeyAsync(AccessRole.Runner, "hostile"));
        using var other = _app.ClientWithKey(await _app.CreateKeyAsync(AccessRole.Runner, "other"));
        using var submitted = await other.PostAsJsonAsync("/api/v1/runs", Families.Counter(), TestContext.Current.CancellationToken);
        submitted.EnsureSuccessStatusCode();
        OthersRun = (await submitted.Content.ReadFromJsonAsync<RunDto>(Json.Options, TestContext.Current.CancellationToken))!.Id;
    }

    public async ValueTask DisposeAsync()
    {
        _runner?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
