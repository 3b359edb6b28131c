using System.Text;

namespace Platform.Web.Runs;

/// <summary>
/// What a run's tags may be: at most <see cref="MaxCount"/> labels of at most <see cref="MaxLength"/> letters, digits,
/// spaces and <c>- _ . : / =</c>. Tags are for finding and grouping runs and are shown in every list, so markup, quotes
/// and control characters (which the database cannot always store) are refused rather than kept.
/// </summary>
public static class RunTags
{
    public const int MaxCount = 20;
    public const int MaxLength = 64;
    public const string Punctuation = "-_.:/= ";

    /// <summary>
    /// The tags trimmed, without blanks and repeats. Problems go to <paramref name="errors"/> as <c>tags[i]</c>, i being
    /// the tag's place in <paramref name="tags"/>, or as <c>tags</c> for too many; one error per distinct tag at most.
    /// </summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string>? tags, Dictionary<string, string[]> errors)
    {
        var distinct = (tags ?? []).Select((tag, index) => (Tag: tag.Trim(), Index: index))
            .Where(t => t.Tag.Length > 0).DistinctBy(t => t.Tag, StringComparer.Ordinal).ToList();
        if (distinct.Count > MaxCount)
        {
            errors["tags"] = [$"At most {MaxCount} tags (got {distinct.Count})."];
            return [];
        }

        foreach (var (tag, index) in distinct)
        {
            if (tag.Length > MaxLength)
                errors[$"tags[{index}]"] = [$"A tag has at most {MaxLength} characters (this one has {tag.Length})."];
            else if (!IsAllowed(tag))
                errors[$"tags[{index}]"] = ["A tag may hold only letters, digits, spaces and - _ . : / ="];
        }

        return distinct.Select(t => t.Tag).ToList();
    }

    public const string PresetPrefix = "preset:";

    /// <summary>
    /// The tags with <c>preset:&lt;name&gt;</c> added (once). Preset names are the families' own, short and made of
    /// allowed characters, so the tag is always valid; it may be the one tag past <see cref="MaxCount"/>.
    /// </summary>
    public static IReadOnlyList<string> WithPreset(IReadOnlyList<string> tags, string preset) =>
        tags.Contains(PresetPrefix + preset, StringComparer.Ordinal) ? tags : [.. tags, PresetPrefix + preset];

    /// <summary>The preset a run was queued from, from its tags; null when it was not.</summary>
    public static string? PresetOf(IEnumerable<string> tags) =>
        tags.FirstOrDefault(t => t.StartsWith(PresetPrefix, StringComparison.Ordinal))?[PresetPrefix.Length..];

    public static bool IsAllowed(string tag) =>
        tag.EnumerateRunes().All(r => Rune.IsLetterOrDigit(r) || (r.IsAscii && Punctuation.Contains((char)r.Value, StringComparison.Ordinal)));
}
