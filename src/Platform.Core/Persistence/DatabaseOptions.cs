namespace Platform.Core.Persistence;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Platform";

    public bool MigrateOnStartup { get; set; } = true;
}
