using Platform.Experiments.TextEntry.Corpus;

namespace Platform.Experiments.TextEntry.Running;

/// <summary>The run's first phase: the dialogue corpus, generated or parsed from the upload, split into train, dev and test.</summary>
internal static class CorpusPhase
{
    public static (CorpusSplit Split, string Source) Build(TextEntryParameters parameters, long seed)
    {
        var random = new Random(unchecked((int)seed));
        var uploaded = !string.IsNullOrWhiteSpace(parameters.CorpusText);
        var dialogues = uploaded
            ? CorpusParser.Parse(parameters.CorpusText!).Dialogues
            : SyntheticDialogues.Generate(parameters.Dialogues, parameters.ContextOverlap, random);
        var source = uploaded ? "uploaded" : $"synthetic, {parameters.Dialogues} dialogues, context overlap {parameters.ContextOverlap}";
        return (CorpusSplit.Of(dialogues, parameters.DevFraction, parameters.TestFraction, random), source);
    }
}
