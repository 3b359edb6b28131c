using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Runs;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("runs", t =>
        {
            t.HasCheckConstraint("ck_runs_terminal_has_finish",
                "state IN ('Queued', 'Running') OR finished_at IS NOT NULL");
            t.HasCheckConstraint("ck_runs_attempts", "attempt >= 0 AND max_attempts >= 1");
        });
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.Parameters).HasColumnType("jsonb");
        builder.Property(j => j.Summary).HasColumnType("jsonb");
        builder.Property(j => j.Environment).HasColumnType("jsonb");
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.IdempotencyKey).HasMaxLength(200);
        builder.Property(j => j.Owner).HasMaxLength(200);
        builder.Property(j => j.ProgressMessage).HasMaxLength(500);
        builder.Property(j => j.Name).HasMaxLength(RunLabels.MaxNameLength);
        builder.Property(j => j.Note).HasMaxLength(RunLabels.MaxNoteLength);
        builder.Property(j => j.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(j => j.NotBefore).HasDefaultValueSql("now()");
        builder.Property(j => j.IdempotencyFingerprint).HasMaxLength(64);
        // A key names a run only for its owner (local mode's owner is null, hence NULLS NOT DISTINCT).
        builder.HasIndex(j => new { j.Owner, j.IdempotencyKey })
            .HasDatabaseName("ix_runs_owner_idempotency_key")
            .IsUnique()
            .AreNullsDistinct(false)
            .HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(j => j.LeaseUntil).HasDatabaseName("ix_runs_running_lease").HasFilter("state = 'Running'");
        builder.HasIndex(j => new { j.State, j.CreatedAt });
        builder.HasIndex(j => new { j.Kind, j.CreatedAt });
        // The per-owner cap counts an owner's queued runs on every submission; the fair claim walks the owners on it and
        // takes each owner's next runs in (priority, id) order from it (RunQueue.TryClaimAsync). Partial: it holds only
        // the queue, not the history. (A (priority, id) index beside it tempted the planner into scanning every owner's
        // runs for each owner's few, so there is none.)
        builder.HasIndex(j => new { j.Owner, j.Priority, j.Id })
            .HasDatabaseName("ix_runs_queued_owner")
            .HasFilter("state = 'Queued'")
            .IsDescending(false, true, false);
    }
}
