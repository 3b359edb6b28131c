using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>
/// SFPrompt: the client holds the frozen head with trainable prompts and tail, the server the frozen body. Each round
/// a client (1) scores its samples by EL2N through the model it really predicts with (head, prompts, the server's
/// body, tail, current weights) and keeps the hardest, then runs the local-loss update head to tail without the
/// server over all its samples, (2) split-trains on the kept samples through the server's body, (3) uploads prompts
/// and tail for FedAvg. Ablations vary the keep ratio, the local-loss epochs and the selector.
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

    /// <summary>Whether pruning scores samples (and so sends them through the server's body) rather than drawing them.</summary>
    public static bool Scores(MethodSettings settings) => settings.Selector == PruneSelector.El2nHard && settings.KeepRatio < 1;

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
            clock.Time("local-loss", () => LocalLossUpdate(round, client, optimizer, localLoss, cancellationToken));
            clock.Time("split", () => SplitTrain(round, client, keep, optimizer, splitLoss, cancellationToken));
            uploads.Add((clock.Time("upload", () => Upload(Trained)), client.Data.Count));
        }
        clock.Time("aggregate", () => { Aggregate(uploads); return 0; });
        return new RoundReport(splitLoss.Value ?? double.NaN, localLoss.Value, (double)kept / clients.Count,
            scores.Count > 0 ? [.. scores] : null, clock.Seconds);
    }

    /// <summary>
    /// EL2N of every local sample under the prediction the model really makes, so "hard" means hard for the deployed
    /// model; the scoring pass crosses the link, and its bytes and the server's body FLOPs are charged like any other.
    /// </summary>
    private int[] Prune(int round, ClientData client, List<double> scores, CancellationToken cancellationToken)
    {
        var rng = new SeededRandom(Settings.Seed, 7, round, client.Id);
        if (!Scores(Settings))
        {
            // Nothing to score: a random subset, or everything, needs no forward pass.
            var none = new float[client.Data.Count];
            return DatasetPruning.Select(none, Settings.KeepRatio, PruneSelector.Random, rng);
        }

        Local.eval();
        Global.eval();
        var el2n = new List<float>(client.Data.Count);
        using (torch.no_grad())
        {
            foreach (var chunk in Enumerable.Range(0, client.Data.Count).Chunk(Settings.BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (images, labels) = client.Data.Batch(chunk);
                el2n.AddRange(DatasetPruning.El2n(_step.Logits(Local, Global.Body, images), labels));
            }
        }
        var samples = client.Data.Count;
        Compute.Add(Party.Client, ModelPart.Head, Flops.HeadForward * samples);
        Compute.Add(Party.Client, ModelPart.Tail, Flops.TailForward() * samples);
        Compute.Add(Party.Server, ModelPart.Body, Flops.BodyForward(Local.Config.Tokens) * samples);
        scores.AddRange(el2n.Select(s => (double)s));
        return DatasetPruning.Select(el2n, Settings.KeepRatio, PruneSelector.El2nHard, rng);
    }

    /// <summary>
    /// The paper's local loss L_C = (1/|D_k|) Σ_{x∈D_k} ℓ(x; W_h, W_t; p): the head's tokens (with the prompts) straight to
    /// the tail, skipping the server, averaged over all of the client's samples D_k (pruning only spares the link), with
    /// the head frozen and only prompts and tail updated. Tokens are mean-pooled: the CLS token alone is the same vector
    /// for every image before the body, which would leave the prompts without gradient.
    /// </summary>
    private int LocalLossUpdate(int round, ClientData client, optim.Optimizer optimizer, LossMean loss, CancellationToken cancellationToken)
    {
        Local.train();
        var all = Enumerable.Range(0, client.Data.Count).ToArray();
        for (var epoch = 0; epoch < Settings.LocalLossEpochs; epoch++)
        {
            foreach (var batch in Batches(all, round, client.Id, 100 + epoch))
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
        var samples = all.Length * Settings.LocalLossEpochs;
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
