namespace Platform.Web.Security;

public static class AuthSchemes
{
    /// <summary>The default: picks one of the others per request.</summary>
    public const string Platform = "Platform";

    public const string ApiKey = "ApiKey";

    public const string Cookie = "Cookies";

    public const string Local = "Local";
}
