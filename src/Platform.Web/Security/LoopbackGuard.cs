using System.Net;

namespace Platform.Web.Security;

/// <summary>Decides whether the addresses the app will listen on are all loopback, which local mode requires.</summary>
public static class LoopbackGuard
{
    /// <summary>The configured listen URLs that are not loopback (empty when local mode is safe).</summary>
    public static IReadOnlyList<string> NonLoopbackUrls(IConfiguration configuration)
    {
        var urls = new List<string>();
        urls.AddRange(Split(configuration["urls"]));
        urls.AddRange(Split(configuration["ASPNETCORE_URLS"]));
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        // http_ports / https_ports bind every interface.
        urls.AddRange(Split(configuration["http_ports"]).Concat(Split(configuration["https_ports"])).Select(p => $"http://*:{p}"));
        return urls.Where(u => !IsLoopbackUrl(u)).ToList();
    }

    public static bool IsLoopbackUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var host = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']'))] : rest.Split(':', '/')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
