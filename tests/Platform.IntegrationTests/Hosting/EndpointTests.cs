using System.Net;
using System.Text.Json;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Hosting;

/// <summary>The app's fixed endpoints: health, OpenAPI, API reference, static files and the catalogue.</summary>
public sealed class EndpointTests(WebOnlyApp fixture) : IClassFixture<WebOnlyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live", "text/plain")]
    [InlineData("/health/ready", "text/plain")]
    [InlineData("/css/platform.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/api-reference/", "text/html")]
    [InlineData("/", "text/html")]
    public async Task Serves(string url, string mediaType)
    {
        using var response = await fixture.App.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_top_level_wwwroot_is_what_is_served()
    {
        var served = await fixture.App.Client.GetStringAsync("/css/platform.css", Ct);
        var root = Platform.Web.WebRootLocator.Resolve(AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(root, "css", "platform.css"), Ct), served);
        Assert.False(File.Exists(Path.Combine(root, "..", "src", "Platform.Web", "wwwroot", "css", "platform.css")));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_v1_api()
    {
        using var document = JsonDocument.Parse(await fixture.App.Client.GetStringAsync("/openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/families", "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/runs/{id}/cancel", "/api/v1/runs/{id}/metrics", "/api/v1/runs/{id}/metrics.csv", "/api/v1/runs/{id}/logs", "/api/v1/runs/{id}/artifacts", "/api/v1/runs/{id}/artifacts/{name}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }

        // Read as text so a bad value gets a 400 naming it, but documented as the integers they are.
        var metricsQuery = paths.GetProperty("/api/v1/runs/{id}/metrics").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("integer", metricsQuery["fromStep"]);
        Assert.Equal("integer", metricsQuery["maxPoints"]);
    }

    [Fact]
    public async Task The_catalogue_lists_each_family_with_a_json_schema_of_its_parameters()
    {
        using var document = JsonDocument.Parse(await fixture.App.Client.GetStringAsync("/api/v1/families", Ct));
        var profile = document.RootElement.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "hardware-profile");
        Assert.False(string.IsNullOrWhiteSpace(profile.GetProperty("title").GetString()));
        var schema = profile.GetProperty("parametersSchema");
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var repeats = schema.GetProperty("properties").GetProperty("repeats");
        Assert.True(repeats.TryGetProperty("default", out _));
        Assert.True(repeats.TryGetProperty("minimum", out _));
        Assert.True(repeats.TryGetProperty("description", out _));
    }
}
