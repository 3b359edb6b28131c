using Platform.Core.Hosting;

namespace Platform.IntegrationTests.Support;

/// <summary>
/// An app that serves the API but runs no runs (role <c>web</c>), shared by a test class: submitted runs stay
/// queued, so tests can count rows and cancel queued work without racing a worker.
/// </summary>
public sealed class WebOnlyApp(PostgresServer server) : IAsyncLifetime
{
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await server.CreateDatabaseAsync();
        _app = await TestApp.StartAsync(ConnectionString, PlatformRole.Web);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
