using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Api;

/// <summary>PATCH /api/v1/runs/{id}: a run's name and note are set, cleared, listed, and bad input names its field.</summary>
public sealed class RunLabelsTests(WebOnlyApp fixture) : IClassFixture<WebOnlyApp>
{
    private HttpClient Client => fixture.App.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"name":42}""", "name" },
        { $$"""{"name":"{{new string('n', RunLabels.MaxNameLength + 1)}}"}""", "name" },
        { """{"name":"two\nlines"}""", "name" },
        { $$"""{"note":"{{new string('n', RunLabels.MaxNoteLength + 1)}}"}""", "note" },
        { """{"note":"bell\u0007"}""", "note" },
        { """{"owner":"me"}""", "owner" },
        { """{}""", "body" },
        { """[]""", "body" },
        { """not json""", "body" },
    };

    [Fact]
    public async Task A_run_is_named_and_noted_and_keeps_both_in_the_list_until_cleared()
    {
        var run = await fixture.App.SubmitAsync(Families.Counter());

        var named = await PatchAsync(run.Id, """{"name":"  Baseline, 4 GPUs ","note":"first try\nafter the fix"}""");
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var dto = (await named.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
        Assert.Equal(("Baseline, 4 GPUs", "first try\nafter the fix"), (dto.Name, dto.Note));

        var listed = (await Client.GetFromJsonAsync<RunList>("/api/v1/runs?pageSize=500", Json.Options, Ct))!.Items.Single(r => r.Id == run.Id);
        Assert.Equal(("Baseline, 4 GPUs", "first try\nafter the fix"), (listed.Name, listed.Note));

        // A field left out stays; empty text clears.
        var cleared = (await (await PatchAsync(run.Id, """{"name":""}""")).Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
        Assert.Equal((null, "first try\nafter the fix"), (cleared.Name, cleared.Note));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var run = await fixture.App.SubmitAsync(Families.Counter());
        await PatchAsync(run.Id, """{"name":"kept"}""");

        using var response = await PatchAsync(run.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem.RootElement}");
        Assert.Equal("kept", (await Client.GetFromJsonAsync<RunDto>($"/api/v1/runs/{run.Id}", Json.Options, Ct))!.Name);
    }

    [Fact]
    public async Task An_unknown_run_is_404()
    {
        using var response = await PatchAsync(Guid.NewGuid(), """{"name":"x"}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_run_queued_from_a_preset_through_the_api_is_tagged_with_it()
    {
        var run = await fixture.App.SubmitAsync(new { kind = "hardware-profile", preset = "quick" });
        Assert.Contains("preset:quick", run.Tags);
    }

    private Task<HttpResponseMessage> PatchAsync(Guid id, string body) =>
        Client.PatchAsync($"/api/v1/runs/{id}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
}
