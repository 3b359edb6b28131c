using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>
/// What a client does per round for each of its local samples, besides the model: the keep ratio, the local-loss
/// epochs and split passes of SFPrompt, the local epochs of FedAvg, and whether pruning scores samples. The FLOPs below
/// are exactly what <see cref="SfPromptMethod"/> and <see cref="FlFullMethod"/> charge, from the same
/// <see cref="FlopModel"/>, so the client's share can be counted alike for a model the run never trains (ViT-B/16).
/// </summary>
public sealed record ClientWorkload(double KeepRatio, double LocalLossEpochs, double SplitPasses, double FedAvgEpochs, bool Scored)
{
    public static ClientWorkload Of(MethodSettings s) =>
        new(s.KeepRatio, s.LocalLossEpochs, s.SplitPasses, s.LocalEpochs, SfPromptMethod.Scores(s));

    /// <summary>
    /// SFPrompt's client FLOPs per local sample and round: scoring (head, tail at CLS) over every sample, the local-loss
    /// update (head, pooled tail forward and backward) over every sample per epoch, and split training (head, tail
    /// forward and backward) over the kept share per pass. The frozen head needs no backward pass.
    /// </summary>
    public double SfPromptClientFlops(VitConfig config)
    {
        var f = new FlopModel(config);
        var scoring = Scored ? f.HeadForward + f.TailForward() : 0;
        var localLoss = LocalLossEpochs * (f.HeadForward + FlopModel.Pass(f.TailForward(config.Tokens), true, true));
        var split = KeepRatio * SplitPasses * (f.HeadForward + FlopModel.Pass(f.TailForward(), true, true));
        return scoring + localLoss + split;
    }

    /// <summary>FedAvg full fine-tuning's client FLOPs per local sample and round: the whole prompt-free model trained per epoch.</summary>
    public double FlFullClientFlops(VitConfig config)
    {
        var model = config.WithoutPrompts();
        var f = new FlopModel(model);
        return FedAvgEpochs * (FlopModel.Pass(f.HeadForward, true, false) + FlopModel.Pass(f.BodyForward(model.Tokens), true, true)
            + FlopModel.Pass(f.TailForward(), true, true));
    }

    /// <summary>SFPrompt's client FLOPs as a percentage of FedAvg full fine-tuning's, for the same clients and rounds.</summary>
    public double ClientSharePercent(VitConfig config) => 100 * SfPromptClientFlops(config) / FlFullClientFlops(config);
}
