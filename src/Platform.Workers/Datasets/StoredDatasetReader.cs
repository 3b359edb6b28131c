using Platform.Core.Datasets;
using Platform.Experiments.Contract;

namespace Platform.Workers.Datasets;

/// <summary>The experiments' view of the stored datasets: content streamed a chunk at a time from the database.</summary>
public sealed class StoredDatasetReader(DatasetReader datasets) : IDatasetReader
{
    public async Task<DatasetContent?> OpenAsync(Guid id, CancellationToken cancellationToken) =>
        await datasets.OpenAsync(id, cancellationToken) is var (dataset, stream)
            ? new DatasetContent(dataset.Id, dataset.Format, dataset.Sha256, dataset.Size, stream)
            : null;
}
