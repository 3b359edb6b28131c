using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Metrics;

internal sealed class MetricPointConfiguration : IEntityTypeConfiguration<MetricPoint>
{
    public void Configure(EntityTypeBuilder<MetricPoint> builder)
    {
        builder.ToTable("metric_points");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).UseIdentityAlwaysColumn();
        builder.Property(p => p.Key).HasMaxLength(200);
        builder.HasIndex(p => new { p.RunId, p.Key, p.Step });
        // No foreign key to runs: its per-row check roughly halved COPY throughput (bench/README.md). Points are
        // only written by a run that holds its run's lease, so the reference holds by construction.
    }
}
