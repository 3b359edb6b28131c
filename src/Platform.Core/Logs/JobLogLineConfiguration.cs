using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Jobs;

namespace Platform.Core.Logs;

internal sealed class JobLogLineConfiguration : IEntityTypeConfiguration<JobLogLine>
{
    public void Configure(EntityTypeBuilder<JobLogLine> builder)
    {
        builder.ToTable("job_logs");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).UseIdentityAlwaysColumn();
        builder.HasIndex(l => new { l.JobId, l.Id });
        builder.HasOne<Job>().WithMany().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
