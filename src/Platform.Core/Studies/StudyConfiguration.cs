using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Runs;

namespace Platform.Core.Studies;

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> builder)
    {
        builder.ToTable("studies", t => t.HasCheckConstraint("ck_studies_counts", "seeds >= 1 AND run_count >= 1"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasMaxLength(64);
        builder.Property(s => s.Preset).HasMaxLength(64);
        builder.Property(s => s.BaseParameters).HasColumnType("jsonb");
        builder.Property(s => s.Sweep).HasColumnType("jsonb");
        builder.Property(s => s.Points).HasColumnType("jsonb");
        builder.Property(s => s.Owner).HasMaxLength(200);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(200);
        builder.Property(s => s.IdempotencyFingerprint).HasMaxLength(64);
        builder.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
        builder.HasIndex(s => s.CreatedAt);
        // As for runs: a key names a study only for its owner (local mode's owner is null).
        builder.HasIndex(s => new { s.Owner, s.IdempotencyKey })
            .HasDatabaseName("ix_studies_owner_idempotency_key")
            .IsUnique()
            .AreNullsDistinct(false)
            .HasFilter("idempotency_key IS NOT NULL");
        // runs.study_id predates this table; the key makes it a reference (and indexes it for the study's run list).
        builder.HasMany<Run>().WithOne().HasForeignKey(r => r.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
