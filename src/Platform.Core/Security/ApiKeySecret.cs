using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Security;

/// <summary>
/// The key format <c>pk_&lt;lookup&gt;_&lt;secret&gt;</c> and its hash. The secret is 256 random bits, so one
/// salted SHA-256 is enough (a slow password hash protects guessable secrets; this one is not guessable) and
/// keeps the per-request check cheap.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "pk_";
    private const int LookupBytes = 9;
    private const int SecretBytes = 32;

    public static (string Key, string Lookup, string Secret) Generate()
    {
        var lookup = Base64Url(RandomNumberGenerator.GetBytes(LookupBytes)).ToLowerInvariant().Replace('-', 'x').Replace('_', 'y');
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{lookup}_{secret}", lookup, secret);
    }

    /// <summary>Splits a presented key; false for anything not shaped like one of ours.</summary>
    public static bool TryParse(string? key, out string lookup, out string secret)
    {
        lookup = secret = "";
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }

        lookup = rest[..separator].ToString();
        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    public static byte[] Hash(byte[] salt, string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + bytes.Length];
        salt.CopyTo(input, 0);
        bytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    public static bool Matches(byte[] salt, byte[] hash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), hash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
