using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c> or, for the hub only (browsers
/// cannot set headers on WebSockets), <c>?access_token=&lt;key&gt;</c>. Challenges answer with problem documents.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";
    private const string FailureKey = "platform:key-failure";

    public static string? FindKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var token) ? token.ToString() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (FindKey(Request) is not { Length: > 0 } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var caller = await keys.VerifyAsync(presented, Context.RequestAborted);
        if (caller is null)
        {
            Context.Items[FailureKey] = true;
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.Create(caller, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemResponses.UnauthorizedAsync(Context, Context.Items.ContainsKey(FailureKey) ? "The API key is unknown, malformed or revoked." : null);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ProblemResponses.ForbiddenAsync(Context);
}
