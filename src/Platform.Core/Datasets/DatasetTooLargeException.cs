namespace Platform.Core.Datasets;

/// <summary>An upload ran past the size allowed (<c>Limits:MaxDatasetBytes</c>); nothing of it is kept.</summary>
public sealed class DatasetTooLargeException(long maxBytes)
    : Exception($"The file is larger than {maxBytes:N0} bytes, the most a dataset may hold (Limits:MaxDatasetBytes).")
{
    public long MaxBytes { get; } = maxBytes;
}
