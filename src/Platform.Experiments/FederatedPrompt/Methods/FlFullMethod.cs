using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>FedAvg full fine-tuning: every client downloads, trains and uploads the whole model.</summary>
public sealed class FlFullMethod : FederatedMethod
{
    private const ModelPart Trained = ModelPart.Head | ModelPart.Body | ModelPart.Tail;

    public FlFullMethod(MethodSettings settings, IReadOnlyDictionary<string, Safetensors.Entry> pretrained)
        : base(MethodNames.FlFull, settings, settings.Config.WithoutPrompts(), pretrained)
    {
        Local.TrainOnly(Trained);
    }

    public override ModelPart Evolving => Trained;

    public override RoundReport TrainRound(int round, IReadOnlyList<ClientData> clients, CancellationToken cancellationToken)
    {
        var clock = new PhaseClock();
        var loss = new LossMean();
        var uploads = new List<(IReadOnlyDictionary<string, torch.Tensor>, double)>();
        var tokens = Local.Config.Tokens;
        foreach (var client in clients)
        {
            clock.Time("download", () => { Download(Trained); return 0; });
            clock.Time("train", () => TrainWholeModel(round, client, Trained, Settings.FullLr, loss, cancellationToken));
            var samples = client.Data.Count * Settings.LocalEpochs;
            Compute.Add(Party.Client, ModelPart.Head, FlopModel.Pass(Flops.HeadForward, true, false) * samples);
            Compute.Add(Party.Client, ModelPart.Body, FlopModel.Pass(Flops.BodyForward(tokens), true, true) * samples);
            Compute.Add(Party.Client, ModelPart.Tail, FlopModel.Pass(Flops.TailForward(), true, true) * samples);
            uploads.Add((clock.Time("upload", () => Upload(Trained)), client.Data.Count));
        }
        clock.Time("aggregate", () => { Aggregate(uploads); return 0; });
        return new RoundReport(loss.Value ?? double.NaN, null, null, null, clock.Seconds);
    }
}
