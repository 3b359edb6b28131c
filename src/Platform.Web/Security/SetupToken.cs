using System.Security.Cryptography;
using System.Text;

namespace Platform.Web.Security;

/// <summary>
/// The one-time secret of the setup link that creates the first admin. It lives only in this process's memory and
/// log; creating the admin ends its use, and a restart makes a new one.
/// </summary>
public sealed class SetupToken
{
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool Matches(string? presented) => presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value));
}
