using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;
using Platform.Experiments.Torch;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>
/// Split federated learning with full fine-tuning (SplitFed-v1 style, U-shaped): clients train head and tail, the
/// server keeps one body and updates it after every batch, client after client; heads and tails are FedAveraged.
/// </summary>
public sealed class SflFullMethod : FederatedMethod
{
    private const ModelPart ClientParts = ModelPart.Head | ModelPart.Tail;

    private readonly TorchSharp.Modules.Adam _serverOptimizer;
    private readonly SplitStep _step;

    public SflFullMethod(MethodSettings settings, IReadOnlyDictionary<string, Safetensors.Entry> pretrained)
        : base(MethodNames.SflFull, settings, settings.Config.WithoutPrompts(), pretrained)
    {
        Local.TrainOnly(ClientParts);
        Global.TrainOnly(ModelPart.Body);
        _serverOptimizer = ScalarSafeAdam.Adam(Global.ParametersOf(ModelPart.Body).Select(p => p.Parameter), settings.FullLr);
        _step = new SplitStep(Link, settings.TransferMode);
    }

    public override ModelPart Evolving => ClientParts | ModelPart.Body;

    public override RoundReport TrainRound(int round, IReadOnlyList<ClientData> clients, CancellationToken cancellationToken)
    {
        var clock = new PhaseClock();
        var loss = new LossMean();
        var uploads = new List<(IReadOnlyDictionary<string, torch.Tensor>, double)>();
        var tokens = Local.Config.Tokens;
        foreach (var client in clients)
        {
            clock.Time("download", () => { Download(ClientParts); return 0; });
            clock.Time("split", () => Train(round, client, loss, cancellationToken));
            var samples = client.Data.Count * Settings.LocalEpochs;
            Compute.Add(Party.Client, ModelPart.Head, FlopModel.Pass(Flops.HeadForward, true, false) * samples);
            Compute.Add(Party.Client, ModelPart.Tail, FlopModel.Pass(Flops.TailForward(), true, true) * samples);
            Compute.Add(Party.Server, ModelPart.Body, FlopModel.Pass(Flops.BodyForward(tokens), true, true) * samples);
            uploads.Add((clock.Time("upload", () => Upload(ClientParts)), client.Data.Count));
        }
        clock.Time("aggregate", () => { Aggregate(uploads); return 0; });
        return new RoundReport(loss.Value ?? double.NaN, null, null, null, clock.Seconds);
    }

    /// <summary>The server's Adam moments and step count live across rounds, unlike the clients' optimizers.</summary>
    public override void WriteCarriedState(BinaryWriter writer) => _serverOptimizer.save_state_dict(writer);

    public override void ReadCarriedState(BinaryReader reader) => _serverOptimizer.load_state_dict(reader);

    protected override void DisposeCore() => _serverOptimizer.Dispose();

    private int Train(int round, ClientData client, LossMean loss, CancellationToken cancellationToken)
    {
        Local.train();
        Global.train();
        using var optimizer = ClientOptimizer(ClientParts, Settings.FullLr);
        var all = Enumerable.Range(0, client.Data.Count).ToArray();
        for (var epoch = 0; epoch < Settings.LocalEpochs; epoch++)
        {
            foreach (var batch in Batches(all, round, client.Id, epoch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (images, labels) = client.Data.Batch(batch);
                optimizer.zero_grad();
                loss.Add(_step.Run(Local, Global.Body, _serverOptimizer, images, labels, headTrainable: true));
                optimizer.step();
            }
        }
        return 0;
    }
}
