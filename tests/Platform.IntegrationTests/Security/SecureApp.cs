using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>The app with security enforced (no local mode), plus helpers to mint keys and clients that send them.</summary>
internal static class SecureApp
{
    public static Task<TestApp> StartAsync(string connectionString, PlatformRole role = PlatformRole.All, IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Security:LocalMode"] = "false" };
        return TestApp.StartAsync(connectionString, role, all);
    }

    public static async Task<string> CreateKeyAsync(this TestApp app, AccessRole role, string name = "test")
    {
        var created = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(Caller.Platform with { DisplayName = "test" }, name, role, TestContext.Current.CancellationToken);
        return created.Key;
    }

    /// <summary>A client that sends <paramref name="key"/> as a bearer token (or as X-Api-Key).</summary>
    public static HttpClient ClientWithKey(this TestApp app, string key, bool asHeader = false)
    {
        var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        if (asHeader)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        else
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }
}
