using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Datasets;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.ToTable("datasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.Sha256).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(DatasetRules.MaxNameLength);
        builder.Property(d => d.Format).HasMaxLength(DatasetRules.MaxFormatLength);
        builder.Property(d => d.Licence).HasMaxLength(DatasetRules.MaxLicenceLength);
        builder.Property(d => d.Description).HasMaxLength(DatasetRules.MaxDescriptionLength);
        builder.Property(d => d.Source).HasMaxLength(DatasetRules.MaxSourceLength);
        builder.Property(d => d.Owner).HasMaxLength(200);
        builder.Property(d => d.CreatedAt).HasDefaultValueSql("now()");
        builder.HasIndex(d => d.Format);
    }
}
