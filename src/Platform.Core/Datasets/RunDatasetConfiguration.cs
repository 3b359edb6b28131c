using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Core.Runs;

namespace Platform.Core.Datasets;

internal sealed class RunDatasetConfiguration : IEntityTypeConfiguration<RunDataset>
{
    public void Configure(EntityTypeBuilder<RunDataset> builder)
    {
        builder.ToTable("run_datasets");
        builder.HasKey(r => new { r.RunId, r.Parameter });
        builder.Property(r => r.Parameter).HasMaxLength(200);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.HasIndex(r => r.DatasetId);
        builder.HasOne<Run>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: the database itself refuses to delete a dataset a run used (the API answers 409 before that).
        builder.HasOne<Dataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}
