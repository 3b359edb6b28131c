using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Platform.Web.Security;

/// <summary>
/// An open dashboard keeps the user its circuit started with; this re-checks that user every
/// <see cref="SecurityOptions.SessionRecheckInterval"/>, so a disabled or deleted user's open pages stop working and a
/// changed role shows without a reload. Key and local-mode callers have no session to re-check.
/// </summary>
internal sealed partial class CircuitSessionRevalidator(
    ILoggerFactory loggerFactory, UserSessionValidator validator, IOptions<SecurityOptions> options, ILogger<CircuitSessionRevalidator> logger)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.SessionRecheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.AuthenticationType != AuthSchemes.Cookie)
        {
            return true;
        }

        System.Security.Claims.ClaimsPrincipal? current;
        try
        {
            current = await validator.ValidateAsync(user, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The base class would sign the circuit out; a database blip should not sign out every open dashboard.
            LogCheckFailed(ex);
            return true;
        }

        if (current is not null && !ReferenceEquals(current, user))
        {
            // The base class restarts its loop with the new state.
            SetAuthenticationState(Task.FromResult(new AuthenticationState(current)));
        }

        return current is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-check a dashboard session; it goes on until the next check")]
    private partial void LogCheckFailed(Exception exception);
}
