using Microsoft.EntityFrameworkCore;
using Platform.Core.Artifacts;
using Platform.Core.Runs;
using Platform.Core.Logs;
using Platform.Core.Metrics;
using Platform.Core.Security;
using Platform.Core.Studies;
using Platform.Core.Workers;

namespace Platform.Core.Persistence;

/// <summary>
/// The platform's schema. Reads go through EF Core; the queue, COPY and NOTIFY paths use Npgsql directly.
/// </summary>
/// <remarks>
/// Add a migration with:
/// <c>dotnet ef migrations add NAME --project migrations/Platform.Migrations --startup-project migrations/Platform.Migrations</c>
/// </remarks>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<Run> Runs => Set<Run>();

    public DbSet<RunAttempt> RunAttempts => Set<RunAttempt>();

    public DbSet<MetricPoint> MetricPoints => Set<MetricPoint>();

    public DbSet<RunLogLine> RunLogs => Set<RunLogLine>();

    public DbSet<Artifact> Artifacts => Set<Artifact>();

    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();

    public DbSet<Study> Studies => Set<Study>();

    public DbSet<StudyRun> StudyRuns => Set<StudyRun>();

    public DbSet<WorkerRecord> Workers => Set<WorkerRecord>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<UserAccount> Users => Set<UserAccount>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
}
