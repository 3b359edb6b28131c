namespace Platform.Experiments.CommOverlap.Hardware;

/// <summary>Hidden sizes of the models (public architecture numbers) and the inner-dimension factor of each sublayer's GEMM.</summary>
public static class ModelShapes
{
    public static int HiddenSize(TransformerModel model, int customHidden) => model switch
    {
        TransformerModel.MegaGpt2 => 3072,
        TransformerModel.TNlg => 4256,
        TransformerModel.Gpt3 => 12288,
        TransformerModel.Palm => 18432,
        TransformerModel.MtNlg => 20480,
        TransformerModel.Custom => customHidden,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown model."),
    };

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

    public static string Label(TransformerModel model) => model switch
    {
        TransformerModel.MegaGpt2 => "Mega-GPT-2",
        TransformerModel.TNlg => "T-NLG",
        TransformerModel.Gpt3 => "GPT-3",
        TransformerModel.Palm => "PaLM",
        TransformerModel.MtNlg => "MT-NLG",
        _ => "Custom",
    };
}
