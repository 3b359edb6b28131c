using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;

namespace Platform.Web.Security;

/// <summary>
/// What a deployment behind TLS needs: data-protection keys in the database (a restart signs nobody out), the
/// client's address and scheme taken from <c>X-Forwarded-*</c> only when sent by a configured proxy (so the cookie is
/// <c>Secure</c> and HTTPS redirection and HSTS apply behind a TLS-terminating proxy), and HSTS for clients off loopback.
/// </summary>
public static class DeploymentSecurity
{
    public static IServiceCollection AddPlatformDeployment(this IServiceCollection services, SecurityOptions security)
    {
        services.AddDataProtection().SetApplicationName("Platform");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDbContextFactory<PlatformDbContext>>((o, contexts) => o.XmlRepository = new DatabaseXmlRepository(contexts));
        var proxies = security.KnownProxies
            .Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address! : throw Invalid(nameof(SecurityOptions.KnownProxies), p))
            .ToList();
        var networks = security.KnownProxyNetworks
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network : throw Invalid(nameof(SecurityOptions.KnownProxyNetworks), n))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named here: the framework's default (loopback) would let any local process claim to be
            // a remote HTTPS client, or a remote one claim to be local.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the real client and scheme.</summary>
    public static IApplicationBuilder UseForwardedHeadersFromKnownProxies(this IApplicationBuilder app, SecurityOptions security) =>
        security.KnownProxies.Length + security.KnownProxyNetworks.Length > 0 ? app.UseForwardedHeaders() : app;

    private static InvalidOperationException Invalid(string key, string value) =>
        new($"Security:{key} has '{value}', which is not an IP address{(key == nameof(SecurityOptions.KnownProxyNetworks) ? " range such as 10.0.0.0/8" : "")}.");
}
