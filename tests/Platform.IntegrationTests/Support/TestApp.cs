using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Experiments;
using Platform.Web;

namespace Platform.IntegrationTests.Support;

/// <summary>
/// A real instance of the application: Kestrel on a free loopback port, a real database, real workers, plus
/// the test families. Requests go through the whole HTTP pipeline.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly PlatformHost _host;

    private TestApp(PlatformHost host, Uri address)
    {
        _host = host;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.App.Services;

    public static async Task<TestApp> StartAsync(string? connectionString, PlatformRole role = PlatformRole.All, IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Development",
            // Loopback development mode: tests call the API anonymously. Security tests pass "false" to enforce keys.
            ["Security:LocalMode"] = "true",
            ["Platform:Role"] = role.ToString().ToLowerInvariant(),
            ["Workers:PollInterval"] = "00:00:01",
            ["Workers:ReaperInterval"] = "00:00:00.200",
            ["Workers:MaxConcurrentRuns"] = "2",
            ["Workers:ThreadsPerRun"] = "1",
            // Each test database stores the real datasets only if a run reads them.
            ["Datasets:RegisterBuiltInsAtStartup"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (connectionString is not null)
        {
            all["ConnectionStrings:Platform"] = connectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var args = all.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var host = await PlatformHost.StartAsync(args, b =>
        {
            b.Services.AddExperiment<CounterExperiment>();
            b.Services.AddExperiment<BlockingExperiment>();
            b.Services.AddExperiment<ResumableExperiment>();
            b.Services.AddExperiment<ArtifactExperiment>();
            b.Services.AddExperiment<StuckExperiment>();
            b.Services.AddExperiment<EvidenceExperiment>();
        }, TestContext.Current.CancellationToken);
        return new TestApp(host, host.Address);
    }

    public async Task<RunDto> SubmitAsync(object body)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/runs", body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    public async Task<RunDto> GetRunAsync(Guid id) =>
        (await Client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{id}", Json.Options, TestContext.Current.CancellationToken))!;

    /// <summary>Polls the API until the run satisfies <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<RunDto> WaitForRunAsync(Guid id, Func<RunDto, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var run = await GetRunAsync(id);
            if (condition(run))
            {
                return run;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Run {id} did not reach the expected condition in time; it is {run.State} (attempt {run.Attempt}, error: {run.Error}).");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public Task<RunDto> WaitForTerminalAsync(Guid id, TimeSpan? timeout = null) =>
        WaitForRunAsync(id, j => j.State.IsTerminal(), timeout);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
