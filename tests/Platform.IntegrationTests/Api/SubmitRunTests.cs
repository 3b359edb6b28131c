using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Api;

/// <summary>Submission through the real HTTP pipeline: what is accepted, what is refused, and that refusals write nothing.</summary>
public sealed class SubmitRunTests(WebOnlyApp fixture) : IClassFixture<WebOnlyApp>
{
    private HttpClient Client => fixture.App.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"kind":"no-such-family"}""", "kind" },
        { """{"parameters":{}}""", "kind" },
        { """{"kind":42}""", "kind" },
        { """{"kind":"test-counter","parameters":{"pionts":5}}""", "parameters.pionts" },
        { """{"kind":"test-counter","parameters":{"points":"five"}}""", "parameters.points" },
        { """{"kind":"test-counter","parameters":{"points":2.5}}""", "parameters.points" },
        { """{"kind":"test-counter","parameters":{"points":0}}""", "parameters.points" },
        { """{"kind":"test-counter","parameters":{"keys":11}}""", "parameters.keys" },
        { """{"kind":"test-counter","parameters":{"points":null}}""", "parameters.points" },
        { """{"kind":"test-counter","parameters":[1,2]}""", "parameters" },
        { """{"kind":"test-counter","paramters":{}}""", "paramters" },
        { """{"kind":"test-counter","seed":-1}""", "seed" },
        { """{"kind":"test-counter","seed":"x"}""", "seed" },
        { """{"kind":"test-counter","tags":"a"}""", "tags" },
        { """{"kind":"test-counter",""", "body" },
        { """[]""", "body" },
        { """not json""", "body" },
        { """{"kind":"hardware-profile","parameters":{"matrixSizes":[8]}}""", "parameters.matrixSizes" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_gets_a_400_naming_the_field_and_writes_no_row(string body, string field)
    {
        var before = await CountRunsAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/v1/runs", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}': {errors}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        Assert.Equal(before, await CountRunsAsync());
    }

    [Fact]
    public async Task A_valid_submission_returns_201_with_a_location_and_the_effective_parameters()
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/runs",
            new { kind = "test-counter", parameters = new { points = 3 }, seed = 11, tags = new[] { "smoke" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
        Assert.Equal($"/api/v1/runs/{run.Id}", response.Headers.Location?.ToString());
        Assert.Equal(RunState.Queued, run.State);
        Assert.Equal(11, run.Seed);
        Assert.Equal(["smoke"], run.Tags);
        Assert.Equal(3, run.Parameters.GetProperty("points").GetInt32());
        Assert.Equal(1, run.Parameters.GetProperty("keys").GetInt32());
    }

    [Fact]
    public async Task A_submission_without_a_seed_is_given_one_that_is_recorded()
    {
        var run = await fixture.App.SubmitAsync(new { kind = "test-counter" });
        var stored = await fixture.App.GetRunAsync(run.Id);
        Assert.Equal(run.Seed, stored.Seed);
    }

    [Fact]
    public async Task Retrying_with_the_same_idempotency_key_returns_the_first_run()
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountRunsAsync();
        using var first = await PostWithKeyAsync(key, 5);
        using var retry = await PostWithKeyAsync(key, 5);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var a = (await first.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
        var b = (await retry.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(before + 1, await CountRunsAsync());
    }

    [Fact]
    public async Task Cancelling_a_queued_run_ends_it_and_a_second_cancel_conflicts()
    {
        var run = await fixture.App.SubmitAsync(Families.Counter());

        using var cancel = await Client.PostAsync($"/api/v1/runs/{run.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = await fixture.App.GetRunAsync(run.Id);
        Assert.Equal(RunState.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.FinishedAt);

        using var again = await Client.PostAsync($"/api/v1/runs/{run.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_get_404_problem_details()
    {
        var id = Guid.NewGuid();
        foreach (var url in new[] { $"/api/v1/runs/{id}", $"/api/v1/runs/{id}/metrics", $"/api/v1/runs/{id}/metrics.csv" })
        {
            using var response = await Client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var cancel = await Client.PostAsync($"/api/v1/runs/{id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/runs?state=Sleeping", "state")]
    [InlineData("/api/v1/runs?page=0", "page")]
    [InlineData("/api/v1/runs?pageSize=100000", "pageSize")]
    public async Task Bad_list_queries_get_a_400_naming_the_parameter(string url, string field)
    {
        using var response = await Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Listing_filters_by_state_and_kind_and_pages()
    {
        var queued = await fixture.App.SubmitAsync(Families.Counter());
        var page = await Client.GetFromJsonAsync<RunList>("/api/v1/runs?state=Queued&kind=test-counter&pageSize=1", Json.Options, Ct);

        Assert.NotNull(page);
        Assert.Single(page.Items);
        Assert.True(page.Total >= 1);
        Assert.All(page.Items, j => Assert.Equal(RunState.Queued, j.State));
        Assert.Equal(queued.Id, page.Items[0].Id);
    }

    private Task<HttpResponseMessage> PostWithKeyAsync(string key, int points)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs")
        {
            Content = JsonContent.Create(new { kind = "test-counter", parameters = new { points } }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return Client.SendAsync(request, Ct);
    }

    private async Task<int> CountRunsAsync() =>
        (await Client.GetFromJsonAsync<RunList>("/api/v1/runs?pageSize=1", Json.Options, Ct))!.Total;
}
