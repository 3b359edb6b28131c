using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Runs;

internal sealed class RunAttemptConfiguration : IEntityTypeConfiguration<RunAttempt>
{
    public void Configure(EntityTypeBuilder<RunAttempt> builder)
    {
        builder.ToTable("run_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Worker).HasMaxLength(200);
        builder.Property(a => a.Outcome).HasMaxLength(16);
        builder.HasIndex(a => new { a.RunId, a.Id });
        builder.HasOne<Run>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
