using Platform.Experiments.Contract;
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
    public static async Task<(CorpusSplit Split, string Source, SyntheticCorpus? Generator)> BuildAsync(
        TextEntryParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        var seed = context.Seed;
        if (parameters.UploadedCorpus is { } id)
        {
            // Checked at submission; a dataset in use cannot be deleted, so a miss here means the database lost it.
            await using var content = await context.Datasets.OpenAsync(id, cancellationToken)
                ?? throw new InvalidOperationException($"The corpus dataset {id} is gone.");
            var (dialogues, errors) = await CorpusDataset.ReadAsync(content, cancellationToken);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The corpus dataset {id} no longer parses: {string.Join(" ", errors)}");
            }

            return (CorpusSplit.Of(dialogues, parameters.DevFraction, parameters.TestFraction, new Random(unchecked((int)seed))),
                $"uploaded dataset {id} (SHA-256 {content.Sha256[..12]}…), split by dialogue", null);
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
