using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// Re-checks a user's sign-in against the users table, on every cookie request and periodically in open circuits:
/// a deleted or disabled user, or a session from before a password reset, is signed out; a changed role replaces the
/// one in the session. The lookup is cached briefly by <see cref="UserAccountService.CheckSessionAsync"/>.
/// </summary>
public sealed class UserSessionValidator(UserAccountService users)
{
    /// <summary>Null when the session has ended; else the principal to go on with (the same one unless the role changed).</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        // A cookie from before sessions carried their sign-in time cannot be checked against a reset: sign in again.
        if (principal.ToCaller() is not { Owner: { } owner } caller || UserAccountService.UserNameOf(owner) is not { } userName
            || principal.SignedInAt() is not { } signedInAt)
        {
            return null;
        }

        return await users.CheckSessionAsync(userName, signedInAt, cancellationToken) switch
        {
            null => null,
            var role when role == caller.Role => principal,
            var role => CallerPrincipal.CreateSession(caller with { Role = role.Value }, signedInAt),
        };
    }

    /// <summary>The cookie handler's <c>OnValidatePrincipal</c>.</summary>
    internal static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<UserSessionValidator>();
        var principal = context.Principal is { } presented ? await validator.ValidateAsync(presented, context.HttpContext.RequestAborted) : null;
        if (principal is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
        else if (!ReferenceEquals(principal, context.Principal))
        {
            context.ReplacePrincipal(principal);
            context.ShouldRenew = true;
        }
    }
}
