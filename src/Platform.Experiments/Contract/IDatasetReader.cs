namespace Platform.Experiments.Contract;

/// <summary>
/// Opens stored datasets for reading. Content is streamed: a parser reads what it needs and bounds what it allocates
/// by the file's <see cref="DatasetContent.Length"/> and its own model, never by what the file claims.
/// </summary>
public interface IDatasetReader
{
    /// <summary>The dataset's content, or null when there is no dataset with this id.</summary>
    Task<DatasetContent?> OpenAsync(Guid id, CancellationToken cancellationToken);
}
