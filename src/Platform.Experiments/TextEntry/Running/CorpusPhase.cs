using Platform.Experiments.RealData;
using Platform.Experiments.TextEntry.Corpus;

namespace Platform.Experiments.TextEntry.Running;

/// <summary>
/// The run's first phase: the dialogue corpus, generated and split by script, or parsed from the upload and split by
/// dialogue. The generator is returned too (null for an upload), so the test split can be generated again at other
/// context overlaps.
/// </summary>
internal static class CorpusPhase
{
    public static (CorpusSplit Split, string Source, SyntheticCorpus? Generator) Build(TextEntryParameters parameters, long seed)
    {
        if (!string.IsNullOrWhiteSpace(parameters.CorpusText))
        {
            var dialogues = CorpusParser.Parse(parameters.CorpusText!).Dialogues;
            return (CorpusSplit.Of(dialogues, parameters.DevFraction, parameters.TestFraction, new Random(unchecked((int)seed))), "uploaded, split by dialogue", null);
        }

        if (parameters.Corpus == TextEntryCorpus.RealSentences)
        {
            var sentences = RealSentenceCorpus.Load(RealDataFiles.Default, parameters.RealSentences);
            return (CorpusSplit.Of(sentences, parameters.DevFraction, parameters.TestFraction, new Random(unchecked((int)seed))),
                RealSentenceCorpus.Source(sentences.Count), null);
        }

        var generator = new SyntheticCorpus(parameters.Dialogues, parameters.DevFraction, parameters.TestFraction, seed);
        var scripts = generator.Scripts;
        var source = $"synthetic, {parameters.Dialogues} dialogues, context overlap {parameters.ContextOverlap}, split by script " +
            $"({scripts.Train.Count} / {scripts.Dev.Count} / {scripts.Test.Count} scripts; test scripts {string.Join(", ", scripts.Test)})";
        return (generator.Split(parameters.ContextOverlap), source, generator);
    }
}
