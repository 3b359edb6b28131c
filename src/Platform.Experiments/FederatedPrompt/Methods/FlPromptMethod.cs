using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>
/// FedAvg of prompts and tail: small uploads, but every client runs the whole frozen model, forward and backward
/// through the body to reach the prompts.
/// </summary>
public sealed class FlPromptMethod : FederatedMethod
{
    private const ModelPart Trained = ModelPart.Prompts | ModelPart.Tail;

    public FlPromptMethod(MethodSettings settings, IReadOnlyDictionary<string, Safetensors.Entry> pretrained)
        : base(MethodNames.FlPrompt, settings, settings.Config, pretrained)
    {
        Local.TrainOnly(Trained);
    }

    public override ModelPart Evolving => Trained;

    public override RoundReport TrainRound(int round, IReadOnlyList<ClientData> clients, CancellationToken cancellationToken)
    {
        var clock = new PhaseClock();
        var loss = new LossMean();
        var uploads = new List<(IReadOnlyDictionary<string, torch.Tensor>, double)>();
        var promptsTrained = Local.Config.PromptTokens > 0;
        foreach (var client in clients)
        {
            clock.Time("download", () => { Download(Trained); return 0; });
            var samples = clock.Time("train", () => TrainWholeModel(round, client, Trained, Settings.PromptLr, loss, cancellationToken));
            Compute.Add(Party.Client, ModelPart.Head, Flops.HeadForward * samples);
            Compute.Add(Party.Client, ModelPart.Body, FlopModel.Pass(Flops.BodyForward(Local.Config.Tokens), false, promptsTrained) * samples);
            Compute.Add(Party.Client, ModelPart.Tail, FlopModel.Pass(Flops.TailForward(), true, promptsTrained) * samples);
            uploads.Add((clock.Time("upload", () => Upload(Trained)), client.Data.Count));
        }
        clock.Time("aggregate", () => { Aggregate(uploads); return 0; });
        return new RoundReport(loss.Value ?? double.NaN, null, null, null, clock.Seconds);
    }
}
