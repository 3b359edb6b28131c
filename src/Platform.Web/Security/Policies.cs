using Microsoft.AspNetCore.Authorization;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>One authorization policy per role; each role's claims include the roles below it.</summary>
public static class Policies
{
    public const string Viewer = "viewer";
    public const string Runner = "runner";
    public const string Admin = "admin";

    public static string RoleName(AccessRole role) => role.ToString().ToLowerInvariant();

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Viewer, p => p.RequireRole(Viewer));
        options.AddPolicy(Runner, p => p.RequireRole(Runner));
        options.AddPolicy(Admin, p => p.RequireRole(Admin));
        // Everything not marked otherwise (pages, the hub, the API) needs at least a viewer.
        options.FallbackPolicy = options.GetPolicy(Viewer);
    }
}
