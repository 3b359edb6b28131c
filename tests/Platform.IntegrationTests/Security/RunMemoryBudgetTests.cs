using System.Net;
using System.Net.Http.Json;
using Platform.Core.Hosting;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>A run whose family estimates more memory than <c>Limits:MaxRunMemoryBytes</c> is refused at submission.</summary>
public sealed class RunMemoryBudgetTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_over_the_memory_limit_gets_a_400_naming_the_fields_that_drive_it()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:MaxRunMemoryBytes"] = (1L << 30).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        // The KV caches of 1024 live requests of a 12-layer, 1024-wide decoder: 48 GiB.
        var huge = new
        {
            kind = "serving-throughput",
            parameters = new
            {
                mode = "cpu-real", cpuModelDim = 1024, cpuLayers = 12, cpuHeads = 16, cpuKvHeads = 16, tokenBudget = 1024, requests = 10_000,
                cpuPromptTokens = 480, cpuOutputTokens = 32,
            },
        };

        using var refused = await app.Client.PostAsJsonAsync("/api/v1/runs", huge, Ct);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        ProblemAssert.NamesField(problem, "parameters.tokenBudget");
        ProblemAssert.NamesField(problem, "parameters.cpuLayers");
        Assert.Contains("48.0 GiB", problem.GetProperty("errors").GetProperty("parameters.tokenBudget")[0].GetString());

        using var accepted = await app.Client.PostAsJsonAsync("/api/v1/runs", new { kind = "serving-throughput", parameters = new { mode = "cpu-real" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
