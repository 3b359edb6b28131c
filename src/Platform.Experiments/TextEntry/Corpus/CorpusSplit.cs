using System.Security.Cryptography;
using System.Text;

namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// Dialogues split into train, dev and test. A generated corpus is split by script (<see cref="SyntheticCorpus"/>);
/// an uploaded one, whose scripts are unknown, by whole dialogue, and then a test phrase that is also a training turn
/// is left out of the evaluation (<see cref="Simulation.TestPhrase.HeldOut"/>). <see cref="Hash"/> identifies the
/// corpus text for the run record.
/// </summary>
public sealed record CorpusSplit(IReadOnlyList<Dialogue> Train, IReadOnlyList<Dialogue> Dev, IReadOnlyList<Dialogue> Test, string Hash)
{
    public static CorpusSplit Of(IReadOnlyList<Dialogue> dialogues, double devFraction, double testFraction, Random random)
    {
        var hash = HashOf(dialogues);
        var order = dialogues.ToArray();
        random.Shuffle(order);
        var (_, dev, test) = Sizes(order.Length, devFraction, testFraction);
        return new CorpusSplit(order[(test + dev)..], order[test..(test + dev)], order[..test], hash);
    }

    /// <summary>How many of <paramref name="count"/> items (dialogues or scripts) go to each split; each gets at least one.</summary>
    public static (int Train, int Dev, int Test) Sizes(int count, double devFraction, double testFraction)
    {
        var test = Math.Max(1, (int)Math.Round(count * testFraction));
        var dev = Math.Max(1, (int)Math.Round(count * devFraction));
        if (test + dev >= count)
        {
            throw new ArgumentException($"{count} dialogues or scripts are too few for a dev and a test split and some training.", nameof(count));
        }

        return (count - test - dev, dev, test);
    }

    /// <summary>SHA-256 of the corpus in its upload form (a turn a line, a blank line between dialogues), hex.</summary>
    public static string HashOf(IEnumerable<Dialogue> dialogues)
    {
        var text = string.Join("\n\n", dialogues.Select(d => string.Join('\n', d.Turns)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
