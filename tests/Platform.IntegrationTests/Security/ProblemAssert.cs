using System.Net;
using System.Text.Json;

namespace Platform.IntegrationTests.Security;

internal static class ProblemAssert
{
    /// <summary>Asserts the status and that the body is a problem document; returns it.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts that the problem's <c>errors</c> has a non-empty message for <paramref name="field"/>.</summary>
    public static void NamesField(JsonElement problem, string field)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            && messages.EnumerateArray().Any(m => !string.IsNullOrWhiteSpace(m.GetString())),
            $"expected 'errors' to name '{field}': {problem}");
    }
}
