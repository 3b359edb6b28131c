using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs;
using Platform.Experiments;
using Platform.Web;
using Platform.Workers;

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
        }, TestContext.Current.CancellationToken);
        return new TestApp(host, host.Address);
    }

    public async Task<JobDto> SubmitAsync(object body)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/jobs", body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JobDto>(Json.Options, TestContext.Current.CancellationToken))!;
    }

    public async Task<JobDto> GetJobAsync(Guid id) =>
        (await Client.GetFromJsonAsync<JobDto>($"/api/v1/jobs/{id}", Json.Options, TestContext.Current.CancellationToken))!;

    /// <summary>Polls the API until the job satisfies <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<JobDto> WaitForJobAsync(Guid id, Func<JobDto, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await GetJobAsync(id);
            if (condition(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Job {id} did not reach the expected condition in time; it is {job.State} (attempt {job.Attempt}, error: {job.Error}).");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public Task<JobDto> WaitForTerminalAsync(Guid id, TimeSpan? timeout = null) =>
        WaitForJobAsync(id, j => j.State.IsTerminal(), timeout);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
