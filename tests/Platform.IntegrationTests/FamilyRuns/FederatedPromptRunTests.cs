using System.Net.Http.Json;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.FamilyRuns;

/// <summary>A tiny federated-prompt run through the real queue, worker and database, to its summary.</summary>
public sealed class FederatedPromptRunTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tiny_run_runs_to_succeeded_with_the_method_table_and_the_papers_claims()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var run = await app.SubmitAsync(new
        {
            kind = "federated-prompt",
            seed = 21,
            parameters = new
            {
                methods = new[] { "fl-full", "sfprompt" },
                modelPreset = "custom",
                width = 32,
                depth = 2,
                heads = 2,
                promptTokens = 4,
                pretrainImages = 200,
                pretrainEpochs = 1,
                clients = 3,
                clientsPerRound = 2,
                samplesPerClient = 16,
                rounds = 2,
                testImages = 50,
                batchSize = 8,
            },
        });

        var done = await app.WaitForTerminalAsync(run.Id, TimeSpan.FromMinutes(3));

        Assert.Equal(RunState.Succeeded, done.State);
        var summary = done.ReadSummary();
        Assert.Equal(8, summary.Claims.Count);
        Assert.Equal(2, summary.Tables[0].Rows.Count);
        Assert.True(summary.Metrics["sfprompt.total-mb"] > 0);
        using var metrics = await app.Client.GetAsync($"/api/v1/runs/{run.Id}/metrics", Ct);
        Assert.Contains("accuracy/sfprompt", await metrics.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_run_with_more_clients_per_round_than_clients_is_refused_naming_the_field()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());

        using var response = await app.Client.PostAsJsonAsync("/api/v1/runs",
            new { kind = "federated-prompt", parameters = new { clients = 3, clientsPerRound = 4 } }, Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("parameters.clientsPerRound", await response.Content.ReadAsStringAsync(Ct));
    }
}
