using Platform.Core.Datasets;

namespace Platform.Web.Datasets;

/// <summary>The stored dataset (new or the existing one with the same bytes), or the problems by field.</summary>
public sealed record DatasetUploadResult(DatasetInfo? Dataset, bool Created, IReadOnlyDictionary<string, string[]> Errors)
{
    public static DatasetUploadResult Invalid(string field, string message) => new(null, false, new Dictionary<string, string[]> { [field] = [message] });
}
