namespace Platform.Core.Security;

/// <summary>
/// One ASP.NET Core data-protection key (the XML element the key manager writes). Sign-in cookies and antiforgery
/// tokens are encrypted with these, so keeping them in the database lets a restarted or second web process read
/// the cookies the first one issued.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; init; }

    public string? FriendlyName { get; init; }

    public required string Xml { get; init; }
}
