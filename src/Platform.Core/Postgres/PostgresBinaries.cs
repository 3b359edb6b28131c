using System.Globalization;

namespace Platform.Core.Postgres;

/// <summary>The folder of the machine's PostgreSQL server programs (initdb, pg_ctl, postgres).</summary>
public sealed class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    private PostgresBinaries(string directory) => Directory = directory;

    public string Directory { get; }

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Finds the server programs without a hard-coded version: <paramref name="explicitDirectory"/>, then
    /// <c>pg_config --bindir</c>, then the newest <c>/usr/lib/postgresql/N/bin</c>, then <c>initdb</c> on PATH.
    /// <paramref name="preferredMajorVersion"/> (an existing cluster's PG_VERSION) is tried first after the explicit
    /// folder, because a data folder only opens with the major version that created it.
    /// </summary>
    public static async Task<PostgresBinaries> FindAsync(
        string? explicitDirectory, string? preferredMajorVersion, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return IsComplete(explicitDirectory)
                ? new PostgresBinaries(Path.GetFullPath(explicitDirectory))
                : throw new InvalidOperationException(
                    $"EmbeddedPostgres:BinDirectory '{explicitDirectory}' does not contain initdb, pg_ctl and postgres.");
        }

        var candidates = new List<string?>();
        if (preferredMajorVersion is not null)
        {
            candidates.Add(Path.Combine(DebianRoot, preferredMajorVersion, "bin"));
        }
        candidates.Add(await PgConfigBinDirectoryAsync(cancellationToken));
        candidates.AddRange(DebianVersionDirectories());
        candidates.Add(DirectoryOfOnPath("initdb"));

        var found = candidates.FirstOrDefault(c => c is not null && IsComplete(c))
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries (initdb, pg_ctl, postgres) were found. Install the Debian package " +
                "'postgresql' (sudo apt-get install postgresql, or run scripts/install-prereqs.sh), or set " +
                "EmbeddedPostgres:BinDirectory, or configure ConnectionStrings:Platform to use an existing server.");
        return new PostgresBinaries(found);
    }

    private static bool IsComplete(string directory) =>
        File.Exists(Path.Combine(directory, "initdb"))
        && File.Exists(Path.Combine(directory, "pg_ctl"))
        && File.Exists(Path.Combine(directory, "postgres"));

    private static async Task<string?> PgConfigBinDirectoryAsync(CancellationToken cancellationToken)
    {
        // pg_config may come from a client/dev package of another major version; IsComplete filters that out.
        if (DirectoryOfOnPath("pg_config") is null)
        {
            return null;
        }
        var result = await ProcessRunner.RunAsync("pg_config", ["--bindir"], cancellationToken, throwOnError: false);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    private static IEnumerable<string> DebianVersionDirectories()
    {
        if (!System.IO.Directory.Exists(DebianRoot))
        {
            return [];
        }
        // Numeric order: a string sort would rank 9.6 above 16.
        return System.IO.Directory.EnumerateDirectories(DebianRoot)
            .Select(d => (Path: d, Version: ParseVersion(Path.GetFileName(d))))
            .Where(d => d.Version is not null)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Path, "bin"));
    }

    private static decimal? ParseVersion(string name) =>
        decimal.TryParse(name, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) ? version : null;

    private static string? DirectoryOfOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                // Follow symlinks (e.g. /usr/local/bin/initdb) so pg_ctl and postgres are the real siblings.
                var target = File.ResolveLinkTarget(candidate, returnFinalTarget: true)?.FullName ?? candidate;
                return Path.GetDirectoryName(target);
            }
        }
        return null;
    }
}
