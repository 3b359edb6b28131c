namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// Analytic forward FLOPs per image (2 per multiply-add) of each part, matching the modules' matrix products.
/// Norms, softmax and GELU are elementwise and left out, as is usual. Backward costs are multiples of these (see
/// <see cref="Pass"/>).
/// </summary>
public sealed class FlopModel(VitConfig config)
{
    private long Width => config.Width;

    public double HeadForward => 2.0 * config.Patches * VitConfig.Channels * config.PatchSize * config.PatchSize * Width;

    public double BodyForward(int tokens)
    {
        double t = tokens, d = Width;
        var projections = 2 * t * d * (3 * d) + 2 * t * d * d;
        var attention = 2 * 2 * t * t * d;
        var mlp = 2 * 2 * t * d * (config.MlpRatio * d);
        return config.Depth * (projections + attention + mlp);
    }

    /// <summary>Tail on one d-vector; pooling adds a mean over the tokens.</summary>
    public double TailForward(int pooledTokens = 0) => 2.0 * Width * config.Classes + pooledTokens * Width;

    /// <summary>
    /// Forward plus backward as multiples of the forward: input and weight gradients each cost about one forward.
    /// </summary>
    public static double Pass(double forward, bool weightGradients, bool inputGradients) =>
        forward * (1 + (weightGradients ? 1 : 0) + (inputGradients ? 1 : 0));
}
