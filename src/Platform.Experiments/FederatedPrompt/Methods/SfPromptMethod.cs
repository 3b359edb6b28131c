using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>
/// SFPrompt: the client holds the frozen head with trainable prompts and tail, the server the frozen body. Each round
/// a client (1) prunes its data by EL2N and runs the local-loss update head to tail without the server, (2) split-trains
/// on the kept samples through the server's body, (3) uploads prompts and tail for FedAvg. Ablations vary the keep
/// ratio, the local-loss epochs and the selector.
/// </summary>
public sealed class SfPromptMethod : FederatedMethod
{
    private const ModelPart Trained = ModelPart.Prompts | ModelPart.Tail;

    private readonly SplitStep _step;

    public SfPromptMethod(string name, MethodSettings settings, IReadOnlyDictionary<string, Safetensors.Entry> pretrained)
        : base(name, settings, settings.Config, pretrained)
    {
        Local.TrainOnly(Trained);
        Global.TrainOnly(ModelPart.None);
        _step = new SplitStep(Link, settings.TransferMode);
    }

    public override ModelPart Evolving => Trained;

    public override RoundReport TrainRound(int round, IReadOnlyList<ClientData> clients, CancellationToken cancellationToken)
    {
        var clock = new PhaseClock();
        var (splitLoss, localLoss) = (new LossMean(), new LossMean());
        var uploads = new List<(IReadOnlyDictionary<string, Tensor>, double)>();
        var scores = new List<double>();
        var kept = 0;
        foreach (var client in clients)
        {
            clock.Time("download", () => { Download(Trained); return 0; });
            using var optimizer = ClientOptimizer(Trained, Settings.PromptLr);
            var keep = clock.Time("prune", () => Prune(round, client, scores, cancellationToken));
            kept += keep.Length;
            clock.Time("local-loss", () => LocalLossUpdate(round, client, keep, optimizer, localLoss, cancellationToken));
            clock.Time("split", () => SplitTrain(round, client, keep, optimizer, splitLoss, cancellationToken));
            uploads.Add((clock.Time("upload", () => Upload(Trained)), client.Data.Count));
        }
        clock.Time("aggregate", () => { Aggregate(uploads); return 0; });
        return new RoundReport(splitLoss.Value ?? double.NaN, localLoss.Value, (double)kept / clients.Count,
            scores.Count > 0 ? [.. scores] : null, clock.Seconds);
    }

    private int[] Prune(int round, ClientData client, List<double> scores, CancellationToken cancellationToken)
    {
        var rng = new SeededRandom(Settings.Seed, 7, round, client.Id);
        if (Settings.Selector == PruneSelector.Random || Settings.KeepRatio >= 1)
        {
            // Nothing to score: a random subset, or everything, needs no forward pass.
            var none = new float[client.Data.Count];
            return DatasetPruning.Select(none, Settings.KeepRatio, PruneSelector.Random, rng);
        }

        Local.eval();
        var el2n = new List<float>(client.Data.Count);
        using (torch.no_grad())
        {
            foreach (var chunk in Enumerable.Range(0, client.Data.Count).Chunk(128))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (images, labels) = client.Data.Batch(chunk);
                el2n.AddRange(DatasetPruning.El2n(Local.LocalLogits(images, Settings.Pooling), labels));
            }
        }
        Compute.Add(Party.Client, ModelPart.Head, Flops.HeadForward * client.Data.Count);
        Compute.Add(Party.Client, ModelPart.Tail, Flops.TailForward(Local.Config.Tokens) * client.Data.Count);
        scores.AddRange(el2n.Select(s => (double)s));
        return DatasetPruning.Select(el2n, Settings.KeepRatio, PruneSelector.El2nHard, rng);
    }

    private int LocalLossUpdate(int round, ClientData client, int[] keep, optim.Optimizer optimizer, LossMean loss, CancellationToken cancellationToken)
    {
        Local.train();
        for (var epoch = 0; epoch < Settings.LocalLossEpochs; epoch++)
        {
            foreach (var batch in Batches(keep, round, client.Id, 100 + epoch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (images, labels) = client.Data.Batch(batch);
                optimizer.zero_grad();
                var value = nn.functional.cross_entropy(Local.LocalLogits(images, Settings.Pooling), labels);
                value.backward();
                optimizer.step();
                loss.Add(value.item<float>());
            }
        }
        var samples = keep.Length * Settings.LocalLossEpochs;
        Compute.Add(Party.Client, ModelPart.Head, Flops.HeadForward * samples);
        Compute.Add(Party.Client, ModelPart.Tail, FlopModel.Pass(Flops.TailForward(Local.Config.Tokens), true, true) * samples);
        return samples;
    }

    private int SplitTrain(int round, ClientData client, int[] keep, optim.Optimizer optimizer, LossMean loss, CancellationToken cancellationToken)
    {
        Local.train();
        for (var pass = 0; pass < Settings.SplitPasses; pass++)
        {
            foreach (var batch in Batches(keep, round, client.Id, pass))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (images, labels) = client.Data.Batch(batch);
                optimizer.zero_grad();
                loss.Add(_step.Run(Local, Global.Body, null, images, labels, headTrainable: false));
                optimizer.step();
            }
        }
        var samples = keep.Length * Settings.SplitPasses;
        var promptsTrained = Local.Config.PromptTokens > 0;
        Compute.Add(Party.Client, ModelPart.Head, Flops.HeadForward * samples);
        Compute.Add(Party.Client, ModelPart.Tail, FlopModel.Pass(Flops.TailForward(), true, true) * samples);
        Compute.Add(Party.Server, ModelPart.Body, FlopModel.Pass(Flops.BodyForward(Local.Config.Tokens), false, promptsTrained) * samples);
        return samples;
    }
}
