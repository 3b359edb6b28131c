namespace Platform.Core.Datasets;

/// <summary>A dataset on the wire (without its bytes: <c>GET /api/v1/datasets/{id}/content</c> streams them).</summary>
public sealed record DatasetInfo(
    Guid Id, string Name, string Format, string Sha256, long Size, string Licence, string? Description, string? Source,
    string? Owner, bool BuiltIn, DateTimeOffset CreatedAt)
{
    internal static DatasetInfo From(Dataset d) =>
        new(d.Id, d.Name, d.Format, d.Sha256, d.Size, d.Licence, d.Description, d.Source, d.Owner, d.BuiltIn, d.CreatedAt);
}
