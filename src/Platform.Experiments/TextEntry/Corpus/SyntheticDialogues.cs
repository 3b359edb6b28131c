using System.Text;

namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// The default corpus: six-turn everyday dialogues drawn from <see cref="DialogueTopics"/>, reproducible from the
/// seed. <c>contextOverlap</c> is the chance that a slot named again reuses the filler it had before in the
/// dialogue, i.e. how often a reply repeats the partner's words; at 0 the context tells nothing about the fillers.
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

    public static IReadOnlyList<Dialogue> Generate(int count, double contextOverlap, Random random)
    {
        var dialogues = new List<Dialogue>(count);
        for (var d = 0; d < count; d++)
        {
            var script = DialogueTopics.All[random.Next(DialogueTopics.All.Count)];
            var bound = new Dictionary<string, string>(StringComparer.Ordinal);
            var turns = script.Select(variants => Fill(WithTails(variants[random.Next(variants.Length)], random), bound, contextOverlap, random)).ToList();
            dialogues.Add(new Dialogue(turns));
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
            if (!bound.TryGetValue(slot, out var filler) || random.NextDouble() >= overlap)
            {
                var fillers = DialogueSlots.All[slot];
                filler = fillers[random.Next(fillers.Length)];
                bound[slot] = filler;
            }

            text.Append(filler);
            at = close + 1;
        }

        return text.ToString();
    }
}
