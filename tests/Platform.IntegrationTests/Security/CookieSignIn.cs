using System.Net;
using System.Text.RegularExpressions;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>Signs in through the real sign-in form over HTTP and keeps the cookie, as a browser would.</summary>
internal static partial class CookieSignIn
{
    /// <summary>A client holding <paramref name="userName"/>'s sign-in cookie; it does not follow redirects.</summary>
    public static async Task<HttpClient> SignInAsync(this TestApp app, string userName, string password) =>
        await app.TrySignInAsync(userName, password) ?? throw new Xunit.Sdk.XunitException($"Signing in as {userName} was refused.");

    /// <summary>As <see cref="SignInAsync"/>, or null when the form refuses the user name and password.</summary>
    public static async Task<HttpClient?> TrySignInAsync(this TestApp app, string userName, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var form = await client.GetStringAsync("/account/signin", ct);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "The sign-in form carries no antiforgery token.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("/account/signin", body, ct);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return client;
        }

        // The form shows its error in a page of its own (200).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        client.Dispose();
        return null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
