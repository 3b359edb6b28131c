using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Api;

/// <summary>
/// <c>GET /api/v1/runs</c> against real PostgreSQL. The app runs no workers, so runs stay where the test puts them;
/// each test tags its own runs and scopes every query to that tag, so tests sharing the database never see each other.
/// </summary>
public sealed class RunListTests(WebOnlyApp fixture) : IClassFixture<WebOnlyApp>
{
    private HttpClient Client => fixture.App.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("state=Sleeping", "state")]
    [InlineData("state=Queued,Bogus", "state")]
    [InlineData("state=1", "state")]
    [InlineData("sort=colour", "sort")]
    [InlineData("sort=2", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    public async Task A_bad_query_gets_a_400_naming_the_field(string query, string field)
    {
        using var response = await Client.GetAsync($"/api/v1/runs?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
    }

    [Fact]
    public async Task Filters_by_several_states_kind_and_tag()
    {
        var tag = NewTag();
        var counter = await SubmitAsync("test-counter", tag);
        var block = await SubmitAsync("test-block", tag);
        var cancelled = await SubmitAsync("test-counter", tag);
        await CancelAsync(cancelled.Id);
        await SubmitAsync("test-counter", NewTag());

        Assert.Equal(3, (await ListAsync($"tag={tag}")).Total);
        Assert.Equal([block.Id], Ids(await ListAsync($"tag={tag}&kind=test-block")));
        Assert.Equal([cancelled.Id], Ids(await ListAsync($"tag={tag}&state=cancelled")));
        var open = await ListAsync($"tag={tag}&state=Queued,Running");
        Assert.Equal(new[] { counter.Id, block.Id }.Order(), Ids(open).Order());
        Assert.Equal(3, (await ListAsync($"tag={tag}&state=Queued,Cancelled")).Total);
    }

    [Fact]
    public async Task Free_text_matches_an_id_prefix_a_tag_the_kind_or_the_error()
    {
        var tag = NewTag();
        var first = await SubmitAsync("test-counter", tag, "needle-" + tag);
        var second = await SubmitAsync("test-block", tag);
        await SetAsync(second.Id, "state = 'Failed', finished_at = now(), error = 'CUDA out of memory at step 3'");

        // Ids are UUIDv7, whose leading digits are a timestamp that runs created together share; the short id the
        // grid shows is the random tail, so the search matches any part of the id.
        Assert.Equal([first.Id], Ids(await ListAsync($"tag={tag}&q={first.Id.ToString()[^8..]}")));
        Assert.Equal([first.Id], Ids(await ListAsync($"tag={tag}&q={first.Id}")));
        Assert.Equal([first.Id], Ids(await ListAsync($"tag={tag}&q=NEEDLE")));
        Assert.Equal([second.Id], Ids(await ListAsync($"tag={tag}&q=out of memory")));
        Assert.Equal([second.Id], Ids(await ListAsync($"tag={tag}&q=block")));
        // LIKE wildcards typed by a user are literal characters, not patterns.
        Assert.Empty((await ListAsync($"tag={tag}&q=%25")).Items);
    }

    [Fact]
    public async Task Sorts_by_each_field_and_keeps_unstarted_runs_last()
    {
        var tag = NewTag();
        var shortRun = await SubmitAsync("test-counter", tag);
        var longRun = await SubmitAsync("test-block", tag);
        var neverStarted = await SubmitAsync("test-counter", tag);
        await SetAsync(shortRun.Id, "state = 'Succeeded', started_at = now() - interval '10 minutes', finished_at = now() - interval '9 minutes'");
        await SetAsync(longRun.Id, "state = 'Failed', started_at = now() - interval '1 hour', finished_at = now() - interval '5 minutes'");

        Assert.Equal([longRun.Id, shortRun.Id, neverStarted.Id], Ids(await ListAsync($"tag={tag}&sort=duration")));
        Assert.Equal([shortRun.Id, longRun.Id, neverStarted.Id], Ids(await ListAsync($"tag={tag}&sort=duration&order=asc")));
        Assert.Equal([shortRun.Id, longRun.Id, neverStarted.Id], Ids(await ListAsync($"tag={tag}&sort=started")));
        Assert.Equal([longRun.Id, shortRun.Id, neverStarted.Id], Ids(await ListAsync($"tag={tag}&sort=finished")));
        Assert.Equal([neverStarted.Id, longRun.Id, shortRun.Id], Ids(await ListAsync($"tag={tag}&sort=created")));
        Assert.Equal([shortRun.Id, longRun.Id, neverStarted.Id], Ids(await ListAsync($"tag={tag}&sort=created&order=asc")));
        // States sort in lifecycle order (Queued, Running, Succeeded, Failed, Cancelled), not alphabetically.
        Assert.Equal([neverStarted.Id, shortRun.Id, longRun.Id], Ids(await ListAsync($"tag={tag}&sort=state&order=asc")));
        Assert.Equal(longRun.Id, Ids(await ListAsync($"tag={tag}&sort=kind&order=asc"))[0]);
    }

    [Fact]
    public async Task Pages_cover_every_run_once_in_order()
    {
        var tag = NewTag();
        var submitted = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            submitted.Add((await SubmitAsync("test-counter", tag)).Id);
        }

        var seen = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var list = await ListAsync($"tag={tag}&pageSize=3&page={page}&sort=created&order=asc");
            Assert.Equal(7, list.Total);
            Assert.Equal(page, list.Page);
            seen.AddRange(Ids(list));
        }

        Assert.Equal(submitted, seen);
        Assert.Empty((await ListAsync($"tag={tag}&pageSize=3&page=4")).Items);
    }

    private static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..12];

    private Task<RunDto> SubmitAsync(string kind, params string[] tags) =>
        fixture.App.SubmitAsync(new { kind, tags });

    private async Task CancelAsync(Guid id)
    {
        using var response = await Client.PostAsync($"/api/v1/runs/{id}/cancel", null, Ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Puts a run in a state the web-only app cannot reach by itself (no workers run here).</summary>
    private async Task SetAsync(Guid id, string assignments)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"UPDATE runs SET {assignments} WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    private async Task<RunList> ListAsync(string query) =>
        (await Client.GetFromJsonAsync<RunList>($"/api/v1/runs?{query}", Json.Options, Ct))!;

    private static List<Guid> Ids(RunList list) => list.Items.Select(j => j.Id).ToList();
}
