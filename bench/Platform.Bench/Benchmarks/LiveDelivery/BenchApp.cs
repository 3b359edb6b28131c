using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Web;

namespace Platform.Bench.Benchmarks.LiveDelivery;

/// <summary>
/// The whole application on a free loopback port against a bench database, with the bench's own families added,
/// started the way the integration tests start it. The dashboard and load benchmarks use it too. By default it runs
/// in loopback local mode (no keys); with <c>enforceKeys</c> every request and hub client must present an API key,
/// and <see cref="Client"/> carries an admin key of its own.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    private readonly PlatformHost _host;

    private BenchApp(PlatformHost host, Uri address)
    {
        _host = host;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.App.Services;

    public bool KeysEnforced { get; private init; }

    public static async Task<BenchApp> StartAsync(
        string connectionString, int maxConcurrentRuns, Action<IServiceCollection> addFamilies, CancellationToken cancellationToken,
        bool enforceKeys = false)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            // As the browser tests run it: Development serves the static web assets straight from the build.
            "--environment=Development",
            // Loopback development mode unless asked: most benchmarks measure delivery, not key checks.
            $"--Security:LocalMode={!enforceKeys}",
            // With keys enforced and no admin account, the app logs its one-time setup link; the bench needs none.
            "--Logging:LogLevel:Platform.Web.Security.SetupLinkAnnouncer=Error",
            $"--ConnectionStrings:Platform={connectionString}",
            $"--Workers:MaxConcurrentRuns={maxConcurrentRuns}",
            "--Workers:ThreadsPerRun=1",
            "--Workers:PollInterval=00:00:01",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            // A Release build run as Development warns per request about assets missing from the build manifest.
            "--Logging:LogLevel:Microsoft.AspNetCore.Builder.StaticAssetDevelopmentRuntimeHandler=Error",
        ];
        var host = await PlatformHost.StartAsync(args, b => addFamilies(b.Services), cancellationToken);
        var app = new BenchApp(host, host.Address) { KeysEnforced = enforceKeys };
        if (enforceKeys)
        {
            var admin = await app.CreateKeyAsync(AccessRole.Admin, "bench-admin", cancellationToken);
            app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        }

        return app;
    }

    public async Task<string> CreateKeyAsync(AccessRole role, string name, CancellationToken cancellationToken) =>
        (await Services.GetRequiredService<ApiKeyService>().CreateAsync(Caller.Platform with { DisplayName = "bench" }, name, role, cancellationToken)).Key;

    /// <summary>A key for one hub client when keys are enforced (each client a viewer of its own), else null.</summary>
    public async Task<string?> HubKeyAsync(CancellationToken cancellationToken) =>
        KeysEnforced ? await CreateKeyAsync(AccessRole.Viewer, "bench-viewer", cancellationToken) : null;

    /// <summary>A client of its own (its own connections) that sends <paramref name="key"/> as a bearer token.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<Guid> SubmitAsync(string kind, object parameters, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/runs", new { kind, parameters }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Submitting {kind} failed with {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    public async Task<string> GetStateAsync(Guid id, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/runs/{id}", cancellationToken));
        return json.RootElement.GetProperty("state").GetString() ?? "";
    }

    /// <summary>Polls until the run is Succeeded, Failed or Cancelled; returns that state.</summary>
    public async Task<string> WaitForTerminalAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = await GetStateAsync(id, cancellationToken);
            if (state is "Succeeded" or "Failed" or "Cancelled")
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {id} is still {state} after {timeout}.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsync($"/api/v1/runs/{id}/cancel", null, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
