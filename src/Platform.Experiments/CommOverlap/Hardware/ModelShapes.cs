using Platform.Experiments.Catalog;
using Platform.Experiments.CommOverlap.Reporting;

namespace Platform.Experiments.CommOverlap.Hardware;

/// <summary>
/// Hidden sizes of the models (public architecture numbers, from the hardware catalogue under the model's kebab-case
/// name) and the inner-dimension factor of each sublayer's GEMM.
/// </summary>
public static class ModelShapes
{
    /// <summary>The hidden size of <paramref name="model"/> in <paramref name="catalog"/>; the custom model has none there.</summary>
    public static int HiddenSize(TransformerModel model, HardwareCatalog catalog) => model == TransformerModel.Custom
        ? throw new ArgumentOutOfRangeException(nameof(model), model, "The custom model's hidden size comes from the parameters.")
        : catalog.Model(Names.Kebab(model)).HiddenSize;

    /// <summary>
    /// k such that the per-device GEMM is [T x kH/N] by [kH/N x H]: the attention output projection has k = 1, the
    /// MLP projections 4 (FFN = 4H), the QKV input gradient 3.
    /// </summary>
    public static int InnerFactor(Sublayer sublayer) => sublayer switch
    {
        Sublayer.Op => 1,
        Sublayer.Fc2 or Sublayer.Fc1 => 4,
        Sublayer.Ip => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(sublayer), sublayer, "Unknown sublayer."),
    };

    public static string Label(Sublayer sublayer) => sublayer switch
    {
        Sublayer.Op => "OP",
        Sublayer.Fc2 => "FC-2",
        Sublayer.Fc1 => "FC-1 (bwd)",
        Sublayer.Ip => "IP (bwd)",
        _ => sublayer.ToString(),
    };

    public static string Label(TransformerModel model) =>
        model == TransformerModel.Custom ? "Custom" : HardwareCatalog.BuiltIn.Model(Names.Kebab(model)).Label;
}
