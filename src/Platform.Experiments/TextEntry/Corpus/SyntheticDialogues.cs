using System.Text;

namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// The default corpus: six-turn everyday dialogues drawn from <see cref="DialogueTopics"/>, reproducible from the
/// seed. <c>contextOverlap</c> is the chance that a slot named again reuses the filler it had before in the
/// dialogue, i.e. how often a reply repeats the partner's words; at 0 the context tells nothing about the fillers.
/// Every random number is drawn whatever the overlap (common random numbers), so two overlaps give the same
/// dialogues except where a reuse decision flips.
/// </summary>
public static class SyntheticDialogues
{
    private static readonly string[] s_openers = ["oh, ", "well, ", "ok, ", "hey, "];
    private const double OpenerChance = 0.1;

    // Optional tails give each turn extra slots, so phrases vary beyond their script and their initials get more
    // ambiguous, as real conversation is; their fillers are bound per dialogue like the rest, so context still helps.
    private static readonly string[] s_tails =
    [
        " in the {room}", " with {person}", " {day}", " at {hour} o'clock", " after the {activity}", " before the {show}",
        " for {person}", " and the {thing}", ", if you are not {feeling}", " near the {place}",
    ];
    private const double TailChance = 0.4;

    /// <summary>Dialogues from any script (for a corpus that is not split by script, e.g. a download).</summary>
    public static IReadOnlyList<Dialogue> Generate(int count, double contextOverlap, Random random) =>
        Generate(count, contextOverlap, [.. Enumerable.Range(0, DialogueTopics.All.Count)], random);

    /// <summary>Dialogues drawn only from <paramref name="scripts"/> (indices into <see cref="DialogueTopics.All"/>).</summary>
    public static IReadOnlyList<Dialogue> Generate(int count, double contextOverlap, IReadOnlyList<int> scripts, Random random)
    {
        var dialogues = new List<Dialogue>(count);
        for (var d = 0; d < count; d++)
        {
            var index = scripts[random.Next(scripts.Count)];
            var bound = new Dictionary<string, string>(StringComparer.Ordinal);
            var turns = DialogueTopics.All[index]
                .Select(variants => Fill(WithTails(variants[random.Next(variants.Length)], random), bound, contextOverlap, random))
                .ToList();
            dialogues.Add(new Dialogue(turns) { Script = index });
        }

        return dialogues;
    }

    private static string WithTails(string template, Random random)
    {
        while (random.NextDouble() < TailChance)
        {
            template += s_tails[random.Next(s_tails.Length)];
        }

        return template;
    }

    private static string Fill(string template, Dictionary<string, string> bound, double overlap, Random random)
    {
        var text = new StringBuilder();
        if (random.NextDouble() < OpenerChance)
        {
            text.Append(s_openers[random.Next(s_openers.Length)]);
        }

        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf('}', open);
            var slot = template[(open + 1)..close];
            text.Append(template, at, open - at);
            var fillers = DialogueSlots.All[slot];
            var reuse = random.NextDouble() < overlap;
            var fresh = fillers[random.Next(fillers.Length)];
            if (!bound.TryGetValue(slot, out var filler) || !reuse)
            {
                filler = fresh;
                bound[slot] = filler;
            }

            text.Append(filler);
            at = close + 1;
        }

        return text.ToString();
    }
}
