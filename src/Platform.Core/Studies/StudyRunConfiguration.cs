using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Runs;

namespace Platform.Core.Studies;

internal sealed class StudyRunConfiguration : IEntityTypeConfiguration<StudyRun>
{
    public void Configure(EntityTypeBuilder<StudyRun> builder)
    {
        builder.ToTable("study_runs", t => t.HasCheckConstraint("ck_study_runs_position", "point >= 0 AND replicate >= 0"));
        builder.HasKey(s => s.RunId);
        builder.HasIndex(s => new { s.StudyId, s.Point, s.Replicate }).IsUnique();
        builder.HasOne<Run>().WithOne().HasForeignKey<StudyRun>(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Study>().WithMany().HasForeignKey(s => s.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
