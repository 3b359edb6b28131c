using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Api;

/// <summary>Exports of a comparison and submission from a preset, through HTTP against real PostgreSQL.</summary>
public sealed class ComparisonsApiTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_comparison_exports_every_point_of_every_run_as_csv_and_json()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        var a = await app.SubmitAsync(Families.Counter(points: 5, keys: 2, seed: 1));
        var b = await app.SubmitAsync(Families.Counter(points: 3, keys: 1, seed: 2));
        await app.WaitForTerminalAsync(a.Id);
        await app.WaitForTerminalAsync(b.Id);
        var missing = Guid.CreateVersion7();

        var csv = await app.Client.GetStringAsync($"/api/v1/comparisons/csv?ids={a.Id},{b.Id}", Ct);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run_id,kind,seed,key,step,value", lines[0]);
        Assert.Equal(1 + 10 + 3, lines.Length);
        Assert.Contains($"{a.Id},{CounterExperiment.KindName},1,k1,4,8", lines);

        using var json = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/comparisons?ids={a.Id},{b.Id},{missing}", Ct));
        var runs = json.RootElement.GetProperty("runs");
        Assert.Equal(2, runs.GetArrayLength());
        Assert.Equal(5, runs[0].GetProperty("metrics").GetProperty("k0").GetArrayLength());
        Assert.Equal(missing, json.RootElement.GetProperty("missing")[0].GetGuid());
        Assert.Contains("points", json.RootElement.GetProperty("differingParameters").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Bad_comparison_ids_are_a_400_naming_the_field()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), Platform.Core.Hosting.PlatformRole.Web);

        using var response = await app.Client.GetAsync("/api/v1/comparisons?ids=1,2", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("not a run id", problem.GetProperty("errors").GetProperty("ids")[0].GetString());
    }

    [Fact]
    public async Task A_preset_is_queued_with_the_submitted_fields_laid_over_it_and_an_unknown_one_is_a_400()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), Platform.Core.Hosting.PlatformRole.Web);

        var run = await app.SubmitAsync(new { kind = "hardware-profile", preset = "quick", parameters = new { repeats = 4 } });
        Assert.Equal(4, run.Parameters.GetProperty("repeats").GetInt32());
        Assert.Equal(5, run.Parameters.GetProperty("trainSteps").GetInt32());

        using var response = await app.Client.PostAsJsonAsync("/api/v1/runs", new { kind = "hardware-profile", preset = "nope" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("quick", problem.GetProperty("errors").GetProperty("preset")[0].GetString());
    }
}
