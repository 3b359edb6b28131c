using System.Diagnostics;
using Platform.Experiments.Contract;
using Platform.Experiments.Torch;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Neural;
using Platform.Experiments.TextEntry.Reporting;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Running;

/// <summary>
/// The run's training phase: the configured language model on the training split, saved as an artifact and as a
/// checkpoint, so an attempt after a lost worker or a restart evaluates the same model without training it again.
/// </summary>
internal static class TrainingPhase
{
    private const double TrainingStart = 0.05;
    private const double TrainingEnd = 0.1;
    private const string TrainedCheckpoint = "trained-model";

    public static async Task<(IDialogueModel Model, double Seconds)> RunAsync(
        CorpusSplit split, TextEntryParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        if (await context.TryRestoreAsync(TrainedCheckpoint, cancellationToken) is { } saved)
        {
            var (restored, trainedSeconds) = TrainedCheckpointFile.Read(saved);
            ModelThreads.Use(parameters, context.Threads);
            await context.LogLineAsync($"Resumed with the {restored.Description} trained by an earlier attempt ({trainedSeconds:F2} s of training)", cancellationToken);
            return (restored, trainedSeconds);
        }

        await context.ProgressAsync(TrainingStart, "training the language model", cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        IDialogueModel model;
        byte[] file;
        if (parameters.ModelType == LanguageModelType.Gru)
        {
            var gru = await TrainGruAsync(split, parameters, context, cancellationToken);
            model = gru;
            file = GruModelFile.Write(gru);
            await context.SaveArtifactAsync(GruModelFile.ArtifactName, GruModelFile.ContentType, file, cancellationToken);
        }
        else
        {
            var ngram = TrainedModel.Train(split.Train, parameters.NgramOrder).Model;
            model = new NgramDialogueModel(ngram, parameters.ContextWeight);
            for (var k = 1; k <= ngram.Order; k++)
            {
                await context.LogAsync(TextEntryMetrics.NgramCount, k, ngram.Counts[k - 1].Count, cancellationToken);
            }

            file = NgramModelFile.Write(ngram, parameters.ContextWeight);
            await context.SaveArtifactAsync(NgramModelFile.ArtifactName, NgramModelFile.ContentType, file, cancellationToken);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        await context.CheckpointAsync(TrainedCheckpoint, TrainedCheckpointFile.Write(file, seconds), cancellationToken);
        await context.LogLineAsync($"Trained a {model.Description} in {seconds:F2} s and saved it", cancellationToken);
        return (model, seconds);
    }

    private static async Task<GruDialogueModel> TrainGruAsync(
        CorpusSplit split, TextEntryParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        var threads = TorchRuntime.StartRun(TorchRuntime.ThreadsFor(parameters.GruThreads, context.Threads), context.Seed);
        var turns = split.Train.SelectMany(d => d.Turns).Select(PhraseText.Tokenize).Where(s => s.Count > 0);
        var vocabulary = new Vocabulary(turns.SelectMany(s => s));
        var streams = split.Train.Select(d => DialogueStreams.Of(vocabulary, d)).ToList();
        var shape = new GruShape(vocabulary.Count, parameters.GruEmbeddingSize, parameters.GruHiddenSize);
        var settings = new GruTrainingSettings(parameters.GruEpochs, parameters.GruBatchSize, parameters.GruLearningRate, threads);
        await context.LogLineAsync(
            $"Training a GRU ({vocabulary.Count} words, embedding {shape.EmbeddingSize}, hidden {shape.HiddenSize}) on " +
            $"{streams.Count} dialogues for {settings.Epochs} epochs", cancellationToken);

        async Task EpochDoneAsync(int epoch, double loss)
        {
            await context.LogAsync(TextEntryMetrics.GruLoss, epoch, loss, cancellationToken);
            var fraction = TrainingStart + (TrainingEnd - TrainingStart) * epoch / settings.Epochs;
            await context.ProgressAsync(fraction, $"GRU epoch {epoch} of {settings.Epochs}: loss {loss:F3}", cancellationToken);
        }

        var network = await GruTrainer.TrainAsync(streams, shape, settings, new Random(unchecked((int)context.Seed) ^ 0x6121),
            EpochDoneAsync, cancellationToken);
        return new GruDialogueModel(network, vocabulary);
    }
}
