using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;

namespace Platform.IntegrationTests.Api;

/// <summary>
/// The paths from before the run vocabulary answer for one release with the same shapes, say they are deprecated,
/// and point to their successor; the current paths say nothing of the kind.
/// </summary>
public sealed class DeprecatedPathTests(WebOnlyApp fixture) : IClassFixture<WebOnlyApp>
{
    private HttpClient Client => fixture.App.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_submitted_at_the_former_path_reads_the_same_at_both_and_only_the_former_is_marked_deprecated()
    {
        using var submitted = await Client.PostAsJsonAsync("/api/v1/jobs", new { kind = "test-counter", parameters = new { points = 3 } }, Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        AssertDeprecated(submitted, "/api/v1/runs");
        using var created = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync(Ct));
        var id = created.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/runs/{id}", submitted.Headers.Location?.OriginalString);

        foreach (var suffix in new[] { $"/{id}", $"/{id}/logs", $"/{id}/artifacts" })
        {
            using var current = await Client.GetAsync($"/api/v1/runs{suffix}", Ct);
            using var former = await Client.GetAsync($"/api/v1/jobs{suffix}", Ct);
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
            Assert.Equal(HttpStatusCode.OK, former.StatusCode);
            Assert.False(current.Headers.Contains("Deprecation"), $"/api/v1/runs{suffix} says it is deprecated");
            AssertDeprecated(former, $"/api/v1/runs{suffix}");
            if (suffix == $"/{id}")
            {
                Assert.Equal(await current.Content.ReadAsStringAsync(Ct), await former.Content.ReadAsStringAsync(Ct));
            }
        }

        using var families = await Client.GetAsync("/api/v1/experiments", Ct);
        AssertDeprecated(families, "/api/v1/families");
        Assert.Equal(await Client.GetStringAsync("/api/v1/families", Ct), await families.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_marks_every_former_path_deprecated_and_no_current_one()
    {
        using var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json", Ct));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Deprecated: op.Value.TryGetProperty("deprecated", out var d) && d.GetBoolean())))
            .ToList();
        var former = operations.Where(o => o.Path.StartsWith("/api/v1/jobs", StringComparison.Ordinal) || o.Path.StartsWith("/api/v1/experiments", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, former.Count);
        Assert.All(former, o => Assert.True(o.Deprecated, o.Path));
        Assert.All(operations.Except(former), o => Assert.False(o.Deprecated, o.Path));
    }

    private static void AssertDeprecated(HttpResponseMessage response, string successor)
    {
        Assert.Equal(DeprecatedPath.DeprecationHeaderValue, Assert.Single(response.Headers.GetValues("Deprecation")));
        Assert.Equal($"<{successor}>; rel=\"successor-version\"", Assert.Single(response.Headers.GetValues("Link")));
    }
}
