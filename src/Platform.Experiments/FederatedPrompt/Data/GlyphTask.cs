namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>
/// The two generated tasks. Source (pre-training): ten glyph shapes. Target (federated fine-tuning): five shape
/// families, each filled or outlined, so shape features transfer but fill style must be learnt.
/// </summary>
public static class GlyphTask
{
    public const int Classes = 10;

    private static readonly GlyphShape[] s_targetFamilies =
        [GlyphShape.Circle, GlyphShape.Square, GlyphShape.Triangle, GlyphShape.Diamond, GlyphShape.Star];

    public static (GlyphShape Shape, bool Outline) SourceClass(int label) => ((GlyphShape)label, false);

    public static (GlyphShape Shape, bool Outline) TargetClass(int label) => (s_targetFamilies[label / 2], label % 2 == 1);
}
