namespace Platform.Experiments.TextEntry.Expansion;

/// <summary>
/// An abbreviation as typed, with keywords mixed in (the paper's KeywordAE input). The text alternates between
/// initials and keywords at each space: <c>ishpitb</c> is initials only, <c>ishpit bedr</c> ends in the keyword
/// "bedr", <c>i saw hpitb</c> has the keyword "saw" between two runs of initials, and two keywords in a row have an
/// empty run between them (<c>i saw  him pitb</c>). The form is unambiguous, so every keystroke is accounted for.
/// </summary>
public sealed class TypedAbbreviation
{
    public TypedAbbreviation(IReadOnlyList<AbbreviationSegment> segments)
    {
        Segments = segments;
    }

    /// <summary>Runs of initials and keywords, in order; empty runs are dropped.</summary>
    public IReadOnlyList<AbbreviationSegment> Segments { get; }

    public static TypedAbbreviation Parse(string typed)
    {
        var chunks = typed.Trim('\r', '\n').ToLowerInvariant().Split(' ');
        var segments = new List<AbbreviationSegment>();
        for (var i = 0; i < chunks.Length; i++)
        {
            if (chunks[i].Length > 0)
            {
                segments.Add(new AbbreviationSegment(chunks[i], IsKeyword: i % 2 == 1));
            }
        }

        return new TypedAbbreviation(segments);
    }

    /// <summary>The typed text: the inverse of <see cref="Parse"/>.</summary>
    public string Render()
    {
        var chunks = new List<string>();
        foreach (var segment in Segments)
        {
            // Chunks alternate initials (even) and keywords (odd); an empty chunk fills a gap between two of a kind.
            if (segment.IsKeyword != (chunks.Count % 2 == 1))
            {
                chunks.Add("");
            }

            chunks.Add(segment.Text);
        }

        return string.Join(' ', chunks);
    }

    public bool IsEmpty => Segments.Count == 0;

    public override string ToString() => Render();
}
