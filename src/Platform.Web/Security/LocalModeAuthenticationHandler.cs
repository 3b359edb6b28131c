using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// Loopback development mode: a client on this machine is an admin without credentials. A client from anywhere
/// else gets nothing here, even if the start-up check were bypassed.
/// </summary>
internal sealed class LocalModeAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static readonly Caller LocalCaller = new(null, "local", AccessRole.Admin);

    public static bool IsLoopbackClient(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(IsLoopbackClient(Context)
        ? AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.Create(LocalCaller, Scheme.Name), Scheme.Name))
        : AuthenticateResult.NoResult());

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => ProblemResponses.UnauthorizedAsync(Context,
        "This app runs in loopback development mode and serves only clients on its own machine.");
}
