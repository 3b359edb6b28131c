using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Reporting;
using Platform.Experiments.Torch;
using TorchSharp;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// The weights every method starts from: the user's weights dataset if given, else the cache, else pre-training on the
/// source task now (then cached).
/// </summary>
internal sealed class PretrainedWeights(IRunContext context, PretrainedCache cache, int threads)
{
    private const int HeldOutSource = 500;
    private const int BatchSize = 32;

    public async Task<Dictionary<string, Safetensors.Entry>> LoadAsync(FederatedPromptParameters p, VitConfig config, CancellationToken ct)
    {
        if (p.PretrainedWeights is { } id)
        {
            // Checked at submission; a dataset in use cannot be deleted, so a miss here means the database lost it.
            await using var content = await context.Datasets.OpenAsync(id, ct)
                ?? throw new InvalidOperationException($"The weights dataset {id} is gone.");
            await context.LogLineAsync($"Using the uploaded pre-trained weights: dataset {id} (SHA-256 {content.Sha256}).", ct);
            return await SafetensorsStream.ReadAsync(content.Stream, content.Length, VitShapes.Pretrained(config), ct);
        }

        var key = PretrainedCache.Key(config, context.Seed, p.PretrainImages, p.PretrainEpochs, p.Data);
        if (await cache.TryReadAsync(key, ct) is { } cached)
        {
            await context.LogLineAsync($"Pre-trained weights {key} found in the cache.", ct);
            return Safetensors.Read(cached, VitShapes.Pretrained(config));
        }

        var weights = await PretrainAsync(p, config, ct);
        await cache.WriteAsync(key, Safetensors.Write(weights), ct);
        return weights;
    }

    private async Task<Dictionary<string, Safetensors.Entry>> PretrainAsync(FederatedPromptParameters p, VitConfig config, CancellationToken ct)
    {
        var (train, heldOut) = SourceImages.Build(p, context.Seed, HeldOutSource);
        using var owned = train;
        using var ownedHeldOut = heldOut;
        await context.LogLineAsync($"Pre-training on {train.Count} {SourceImages.Describe(p.Data)} images.", ct);
        var pretrainer = new Pretrainer(config, BatchSize);
        torch.manual_seed(SeededRandom.Derive(context.Seed, 8));
        using var model = pretrainer.CreateModel();
        using var optimizer = pretrainer.CreateOptimizer(model);
        for (var epoch = 1; epoch <= p.PretrainEpochs; epoch++)
        {
            TorchRuntime.UseThreads(threads);
            var loss = pretrainer.Epoch(model, optimizer, train, new SeededRandom(context.Seed, 9, epoch), ct);
            var accuracy = Evaluator.Evaluate(model, heldOut, ct).Accuracy;
            await context.LogAsync(FederatedPromptMetrics.PretrainLoss, epoch, loss, ct);
            await context.LogAsync(FederatedPromptMetrics.PretrainAccuracy, epoch, accuracy, ct);
            await context.ProgressAsync(0.15 * epoch / p.PretrainEpochs, $"pre-training epoch {epoch}/{p.PretrainEpochs}: source accuracy {accuracy:F1}%", ct);
            await context.LogLineAsync($"Pre-training epoch {epoch}: loss {loss:F3}, held-out source accuracy {accuracy:F1}%.", ct);
        }
        return WeightTransfer.Export(model);
    }
}
