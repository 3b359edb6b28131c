using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Core.Datasets;

internal sealed class DatasetChunkConfiguration : IEntityTypeConfiguration<DatasetChunk>
{
    public void Configure(EntityTypeBuilder<DatasetChunk> builder)
    {
        builder.ToTable("dataset_chunks");
        builder.HasKey(c => new { c.DatasetId, c.Index });
        // The migration makes this key DEFERRABLE INITIALLY DEFERRED: an upload writes its chunks before it knows the
        // hash, and inserts the dataset row last, in the same transaction (see DatasetWriter).
        builder.HasOne<Dataset>().WithMany().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName(DatasetChunkKey);
    }

    public const string DatasetChunkKey = "fk_dataset_chunks_datasets_dataset_id";
}
