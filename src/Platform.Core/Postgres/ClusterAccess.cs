namespace Platform.Core.Postgres;

/// <summary>
/// Who may connect to the embedded cluster: <c>pg_hba.conf</c> that asks every connection, socket or TCP, for a SCRAM
/// password. A cluster made by initdb (or by a version of the app that used trust authentication) is secured once,
/// while it is reachable only through the private socket: see <see cref="ClusterSecurer"/>.
/// </summary>
internal static class ClusterAccess
{
    /// <summary>The first line of the file we write; a file without it still trusts its clients.</summary>
    public const string Marker = "# platform: password (scram-sha-256) required for every connection";

    /// <summary>While securing: only the superuser, only through the socket (a 0700 folder of the server account).</summary>
    public const string SecuringRules =
        "# platform: securing in progress\n" + "local all " + EmbeddedPostgresCluster.SuperUser + " trust\n";

    public const string PasswordRules =
        Marker + "\n" +
        "local all all scram-sha-256\n" +
        "host all all 127.0.0.1/32 scram-sha-256\n" +
        "host all all ::1/128 scram-sha-256\n";

    public static string HbaPath(string dataDirectory) => Path.Combine(dataDirectory, "pg_hba.conf");

    public static bool IsSecured(string dataDirectory) =>
        File.Exists(HbaPath(dataDirectory)) && File.ReadLines(HbaPath(dataDirectory)).FirstOrDefault() == Marker;

    /// <summary>Rewrites the file in place, so it keeps its owner (the server account) and mode.</summary>
    public static Task WriteAsync(string dataDirectory, string rules, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(HbaPath(dataDirectory), rules, cancellationToken);
}
