using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>Converts between a <see cref="Caller"/> and the claims principal ASP.NET Core carries.</summary>
public static class CallerPrincipal
{
    public const string OwnerClaim = "platform:owner";
    public const string AccessRoleClaim = "platform:role";

    /// <summary>When a user signed in (Unix seconds): a session from before a password reset has ended.</summary>
    public const string SignedInClaim = "platform:signed-in";

    public static ClaimsPrincipal Create(Caller caller, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, caller.DisplayName),
            new(AccessRoleClaim, caller.Role.ToString()),
        };
        if (caller.Owner is not null)
        {
            claims.Add(new Claim(OwnerClaim, caller.Owner));
        }

        // Roles are cumulative, so a policy names the least role it needs.
        claims.AddRange(Enum.GetValues<AccessRole>().Where(caller.Can).Select(r => new Claim(ClaimTypes.Role, Policies.RoleName(r))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The principal of a user's sign-in cookie.</summary>
    public static ClaimsPrincipal CreateSession(Caller caller, DateTimeOffset signedInAt)
    {
        var principal = Create(caller, AuthSchemes.Cookie);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SignedInClaim,
            signedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return principal;
    }

    public static DateTimeOffset? SignedInAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInClaim), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Someone not signed in: may read at most (and the endpoints themselves refuse anonymous reads).</summary>
    public static readonly Caller Anonymous = new(null, "anonymous", AccessRole.Viewer);

    /// <summary>The caller an endpoint or page acts for: the signed-in key or user, else <see cref="Anonymous"/>.</summary>
    public static Caller ToCallerOrAnonymous(this ClaimsPrincipal? principal) => principal.ToCaller() ?? Anonymous;

    /// <summary>The caller a dashboard event acts for, as of now (a changed role or an ended session applies at once).</summary>
    public static async Task<Caller> GetCallerAsync(this AuthenticationStateProvider authentication) =>
        (await authentication.GetAuthenticationStateAsync()).User.ToCallerOrAnonymous();

    public static Caller? ToCaller(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || !Enum.TryParse<AccessRole>(principal.FindFirstValue(AccessRoleClaim), out var role))
        {
            return null;
        }

        return new Caller(principal.FindFirstValue(OwnerClaim), principal.Identity.Name ?? "", role);
    }
}
