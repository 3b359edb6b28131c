using System.Security.Cryptography;
using System.Text;

namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// Dialogues split whole into train, dev and test, so no test phrase's conversation was seen in training.
/// <see cref="Hash"/> identifies the corpus text (before the split) for the run record.
/// </summary>
public sealed record CorpusSplit(IReadOnlyList<Dialogue> Train, IReadOnlyList<Dialogue> Dev, IReadOnlyList<Dialogue> Test, string Hash)
{
    public static CorpusSplit Of(IReadOnlyList<Dialogue> dialogues, double devFraction, double testFraction, Random random)
    {
        var hash = HashOf(dialogues);
        var order = dialogues.ToArray();
        random.Shuffle(order);
        var test = Math.Max(1, (int)Math.Round(order.Length * testFraction));
        var dev = Math.Max(1, (int)Math.Round(order.Length * devFraction));
        if (test + dev >= order.Length)
        {
            throw new ArgumentException($"{order.Length} dialogues are too few for a dev and a test split and some training.", nameof(dialogues));
        }

        return new CorpusSplit(order[(test + dev)..], order[test..(test + dev)], order[..test], hash);
    }

    /// <summary>SHA-256 of the corpus in its upload form (a turn a line, a blank line between dialogues), hex.</summary>
    public static string HashOf(IEnumerable<Dialogue> dialogues)
    {
        var text = string.Join("\n\n", dialogues.Select(d => string.Join('\n', d.Turns)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
