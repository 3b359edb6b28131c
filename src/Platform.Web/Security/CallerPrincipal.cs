using System.Security.Claims;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>Converts between a <see cref="Caller"/> and the claims principal ASP.NET Core carries.</summary>
public static class CallerPrincipal
{
    public const string OwnerClaim = "platform:owner";
    public const string AccessRoleClaim = "platform:role";

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

    public static Caller? ToCaller(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || !Enum.TryParse<AccessRole>(principal.FindFirstValue(AccessRoleClaim), out var role))
        {
            return null;
        }

        return new Caller(principal.FindFirstValue(OwnerClaim), principal.Identity.Name ?? "", role);
    }
}
