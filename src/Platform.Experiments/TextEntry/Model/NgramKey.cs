namespace Platform.Experiments.TextEntry.Model;

/// <summary>
/// Packs up to eight word ids into one 128-bit key, 16 bits each (id + 1, so the empty history is 0 and differs from
/// a history of id 0). Dictionaries keyed this way hash one value instead of a list.
/// </summary>
public static class NgramKey
{
    public const int MaxWords = 8;
    public const int MaxVocabulary = ushort.MaxValue - 1;

    public static UInt128 Pack(ReadOnlySpan<int> ids)
    {
        if (ids.Length > MaxWords)
        {
            throw new ArgumentOutOfRangeException(nameof(ids), $"An n-gram has at most {MaxWords} words.");
        }

        UInt128 key = 0;
        foreach (var id in ids)
        {
            key = (key << 16) | (uint)(id + 1);
        }

        return key;
    }

    /// <summary>The key of <paramref name="history"/> followed by <paramref name="word"/>.</summary>
    public static UInt128 Extend(UInt128 history, int word) => (history << 16) | (uint)(word + 1);

    public static int[] Unpack(UInt128 key, int length)
    {
        var ids = new int[length];
        for (var i = length - 1; i >= 0; i--)
        {
            ids[i] = (int)(ushort)(key & 0xFFFF) - 1;
            key >>= 16;
        }

        return ids;
    }
}
