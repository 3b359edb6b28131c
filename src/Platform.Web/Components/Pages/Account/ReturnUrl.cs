namespace Platform.Web.Components.Pages.Account;

internal static class ReturnUrl
{
    /// <summary>Only a path on this site: never another host (<c>//evil</c>, <c>/\evil</c>, <c>https://...</c>).</summary>
    public static string Safe(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
