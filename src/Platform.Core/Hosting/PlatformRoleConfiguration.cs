using Microsoft.Extensions.Configuration;

namespace Platform.Core.Hosting;

/// <summary>Reads <see cref="PlatformRole"/> from <c>Platform:Role</c> and says what a role does.</summary>
public static class PlatformRoleConfiguration
{
    public const string RoleKey = "Platform:Role";

    public static PlatformRole GetPlatformRole(this IConfiguration configuration)
    {
        var text = configuration[RoleKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return PlatformRole.All;
        }

        return Enum.TryParse<PlatformRole>(text, ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? role
            : throw new InvalidOperationException($"{RoleKey} must be one of all, web, worker (got '{text}').");
    }

    /// <summary>True when the process claims and executes runs.</summary>
    public static bool ExecutesRuns(this PlatformRole role) => role is PlatformRole.All or PlatformRole.Worker;

    /// <summary>True when the process serves the dashboard, the API and the hub, and so needs the live feed.</summary>
    public static bool ServesWeb(this PlatformRole role) => role is PlatformRole.All or PlatformRole.Web;
}
