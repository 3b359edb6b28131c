namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>The paper's breakdown by abbreviation length in characters: 1–3, 4–6, 7–10 and more than 10.</summary>
public sealed record LengthBucket(string Label, int Min, int Max)
{
    public static IReadOnlyList<LengthBucket> All { get; } =
    [
        new("1-3", 1, 3),
        new("4-6", 4, 6),
        new("7-10", 7, 10),
        new(">10", 11, 99),
    ];

    public bool Contains(int length) => length >= Min && length <= Max;
}
