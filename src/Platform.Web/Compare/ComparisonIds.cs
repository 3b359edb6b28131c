namespace Platform.Web.Compare;

/// <summary>Parses the comma-separated run ids of a comparison, with a message naming what is wrong.</summary>
public static class ComparisonIds
{
    public const int MaxRuns = 200;

    public static (IReadOnlyList<Guid> Ids, string? Error) Parse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return ([], "Give the runs to compare as 'ids', comma-separated.");
        }

        var ids = new List<Guid>();
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var id))
            {
                return ([], $"'{part}' is not a run id.");
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids.Count > MaxRuns ? ([], $"At most {MaxRuns} runs can be compared at once (got {ids.Count}).") : (ids, null);
    }
}
