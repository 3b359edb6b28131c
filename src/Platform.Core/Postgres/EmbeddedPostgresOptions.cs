using System.ComponentModel.DataAnnotations;

namespace Platform.Core.Postgres;

/// <summary>
/// Settings of the embedded PostgreSQL cluster that the app starts when no connection string is configured.
/// </summary>
public sealed class EmbeddedPostgresOptions
{
    public const string SectionName = "EmbeddedPostgres";

    /// <summary>Used when <see cref="DataDirectory"/> is not set; relative to the app's content root.</summary>
    public const string DefaultDataDirectory = ".data/postgres";

    /// <summary>
    /// The cluster's data folder. Absolute, or relative to the base path given to
    /// <see cref="ResolveDataDirectory"/> (the content root). Null means <see cref="DefaultDataDirectory"/>.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// TCP port on 127.0.0.1 when <see cref="ListenOnTcp"/> (0 picks a free port at every start); without TCP it only
    /// names the socket's file (0 means 5432).
    /// </summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>
    /// Also listen on 127.0.0.1 (password still required). Off by default: the app and its commands use the Unix
    /// socket, which only the server's account (and root) can reach.
    /// </summary>
    public bool ListenOnTcp { get; set; }

    /// <summary>Folder holding initdb, pg_ctl and postgres; null finds the machine's installed PostgreSQL.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>The database created (if missing) at start and named by the cluster's connection string.</summary>
    [Required]
    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    public string Database { get; set; } = "platform";

    /// <summary>How long initdb, the server start and the first connection may take together.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The absolute data folder: <see cref="DataDirectory"/> (or its default) under <paramref name="basePath"/>.</summary>
    public string ResolveDataDirectory(string basePath) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(DataDirectory ?? DefaultDataDirectory, basePath));
}
