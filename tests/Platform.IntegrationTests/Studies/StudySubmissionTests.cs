using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Runs;
using Platform.Core.Studies;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Studies;

/// <summary>
/// Submitting studies through the real HTTP pipeline on an app without workers: what a sweep expands to, which seeds the
/// runs get, and that a refused study writes nothing.
/// </summary>
public sealed class StudySubmissionTests(WebOnlyApp fixture) : IClassFixture<WebOnlyApp>
{
    private HttpClient Client => fixture.App.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadStudies => new()
    {
        { """{"kind":"test-counter","sweep":{"grid":{"points":[5,10,0]}}}""", "sweep.grid.points[2]" },
        { """{"kind":"test-counter","sweep":{"grid":{"points":[5,"ten"]}}}""", "sweep.grid.points[1]" },
        { """{"kind":"test-counter","sweep":{"grid":{"pionts":[5]}}}""", "sweep.grid.pionts" },
        { """{"kind":"test-counter","sweep":{"grid":{"points":[]}}}""", "sweep.grid.points" },
        { """{"kind":"test-counter","sweep":{"grid":{"keys":[1,11]}}}""", "sweep.grid.keys[1]" },
        { """{"kind":"test-counter","sweep":{"sample":{"points":{"min":0,"max":10}},"count":4}}""", "sweep.sample.points.min" },
        { """{"kind":"test-counter","sweep":{"sample":{"points":{"min":1,"max":10}}}}""", "sweep.count" },
        { """{"kind":"test-counter","sweep":{"sample":{"points":{"min":1,"max":10}},"count":3,"method":"sobol"}}""", "sweep.method" },
        { """{"kind":"test-counter","parameters":{"keys":0},"sweep":{"grid":{"points":[5]}}}""", "parameters.keys" },
        { """{"kind":"test-counter","seeds":0}""", "seeds" },
        // 101 points × 10 seeds is over the default limit of 1,000 runs.
        { """{"kind":"test-counter","seeds":10,"sweep":{"sample":{"points":{"min":1,"max":1000}},"count":101}}""", "sweep" },
        { """{"kind":"no-such-family"}""", "kind" },
        { """{"kind":"test-counter","sweep":{"grid":{"points":[5]}},""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadStudies))]
    public async Task A_bad_value_gets_a_400_naming_its_sweep_path_and_nothing_is_written(string body, string field)
    {
        var (studies, runs) = await CountAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/api/v1/studies", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}': {errors}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        Assert.Equal((studies, runs), await CountAsync());
    }

    [Fact]
    public async Task A_grid_times_seeds_expands_to_every_combination_with_distinct_seeds_reproducible_from_the_study_seed()
    {
        var body = new
        {
            kind = CounterExperiment.KindName,
            parameters = new { delayMs = 1 },
            seeds = 3,
            seed = 42,
            sweep = new { grid = new { points = new[] { 5, 10, 20 }, keys = new[] { 1, 2 } } },
        };
        using var response = await Client.PostAsJsonAsync("/api/v1/studies", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var study = (await response.Content.ReadFromJsonAsync<StudyDto>(Json.Options, Ct))!;
        Assert.Equal($"/api/v1/studies/{study.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(18, study.RunCount);
        Assert.Equal(StudyState.Queued, study.State);
        Assert.Equal(18, study.Progress.Queued);

        var runs = await Client.GetStudyRunsAsync(study.Id);
        Assert.Equal(18, runs.Count);
        var points = runs.Select(r => (Points: r.Parameters.GetProperty("points").GetInt32(), Keys: r.Parameters.GetProperty("keys").GetInt32())).ToList();
        // The first axis varies slowest; each point has one run per seed; the base's delayMs holds everywhere.
        Assert.Equal(
            from p in new[] { 5, 10, 20 } from k in new[] { 1, 2 } from s in Enumerable.Range(0, 3) select (p, k),
            points);
        Assert.All(runs, r => Assert.Equal(1, r.Parameters.GetProperty("delayMs").GetInt32()));
        Assert.All(runs, r => Assert.Equal(CounterExperiment.KindName, r.Kind));
        var seedsPerPoint = runs.Chunk(3).Select(c => c.Select(r => r.Seed).ToArray()).ToList();
        Assert.Equal(3, seedsPerPoint[0].Distinct().Count());
        // Common random numbers: replicate j has the same seed at every point.
        Assert.All(seedsPerPoint, s => Assert.Equal(seedsPerPoint[0], s));

        var again = await Client.SubmitStudyAsync(body);
        Assert.NotEqual(study.Id, again.Id);
        Assert.Equal(runs.Select(r => r.Seed), (await Client.GetStudyRunsAsync(again.Id)).Select(r => r.Seed));
        var otherSeed = await Client.SubmitStudyAsync(new { body.kind, body.parameters, body.seeds, seed = 43, body.sweep });
        Assert.NotEqual(seedsPerPoint[0], (await Client.GetStudyRunsAsync(otherSeed.Id)).Take(3).Select(r => r.Seed).ToArray());
    }

    [Fact]
    public async Task A_sampled_sweep_is_reproducible_and_stays_within_its_log_range()
    {
        var body = new
        {
            kind = CounterExperiment.KindName,
            seed = 7,
            sweep = new { sample = new { points = new { min = 10, max = 10_000, log = true } }, count = 8 },
        };
        var first = await Client.GetStudyRunsAsync((await Client.SubmitStudyAsync(body)).Id);
        var second = await Client.GetStudyRunsAsync((await Client.SubmitStudyAsync(body)).Id);

        var values = first.Select(r => r.Parameters.GetProperty("points").GetInt32()).ToList();
        Assert.Equal(8, values.Count);
        Assert.All(values, v => Assert.InRange(v, 10, 10_000));
        Assert.Equal(values, second.Select(r => r.Parameters.GetProperty("points").GetInt32()));
        // A Latin hypercube on a log scale puts one point in each of the 8 equal slices of log10 [1, 4].
        Assert.Equal(8, values.Select(v => (int)Math.Min(7, Math.Floor((Math.Log10(v) - 1) / 3 * 8))).Distinct().Count());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_study_and_queues_nothing_more()
    {
        var body = new { kind = CounterExperiment.KindName, seeds = 2, sweep = new { grid = new { points = new[] { 3, 4 } } } };
        using var first = await PostWithKeyAsync(body, "study-key-1");
        var (studies, runs) = await CountAsync();
        using var second = await PostWithKeyAsync(body, "study-key-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = (await first.Content.ReadFromJsonAsync<StudyDto>(Json.Options, Ct))!;
        var b = (await second.Content.ReadFromJsonAsync<StudyDto>(Json.Options, Ct))!;
        Assert.Equal(a.Id, b.Id);
        Assert.Equal((studies, runs), await CountAsync());
        using var conflict = await PostWithKeyAsync(body with { seeds = 3 }, "study-key-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflict.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_study_cancels_its_queued_runs_and_the_study_reads_cancelled()
    {
        var study = await Client.SubmitStudyAsync(new { kind = CounterExperiment.KindName, seeds = 4 });
        var outsider = await fixture.App.SubmitAsync(Families.Counter());

        using var cancel = await Client.PostAsync($"/api/v1/studies/{study.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var after = await Client.GetStudyAsync(study.Id);
        Assert.Equal(StudyState.Cancelled, after.State);
        Assert.Equal(4, after.Progress.Cancelled);
        Assert.All(await Client.GetStudyRunsAsync(study.Id), r => Assert.Equal(RunState.Cancelled, r.State));
        Assert.Equal(RunState.Queued, (await fixture.App.GetRunAsync(outsider.Id)).State);
        using var again = await Client.PostAsync($"/api/v1/studies/{study.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_thousand_run_study_is_queued_in_one_request()
    {
        var body = new { kind = CounterExperiment.KindName, seeds = 10, sweep = new { sample = new { points = new { min = 1, max = 1000 } }, count = 100 } };
        // Warm the path once so the figure is the study's, not the first request's JIT.
        await Client.SubmitStudyAsync(new { kind = CounterExperiment.KindName });
        var clock = Stopwatch.StartNew();
        var study = await Client.SubmitStudyAsync(body);
        clock.Stop();

        Assert.Equal(1000, study.RunCount);
        Assert.Equal(1000, study.Progress.Queued);
        TestContext.Current.TestOutputHelper?.WriteLine($"1,000-run study queued in {clock.Elapsed.TotalMilliseconds:F0} ms (HTTP round trip, binding included)");
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/studies") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await Client.SendAsync(request, Ct);
    }

    private async Task<(int Studies, int Runs)> CountAsync() =>
        ((await Client.GetFromJsonAsync<StudyList>("/api/v1/studies?pageSize=1", Json.Options, Ct))!.Total,
         (await Client.GetFromJsonAsync<RunList>("/api/v1/runs?pageSize=1", Json.Options, Ct))!.Total);
}
