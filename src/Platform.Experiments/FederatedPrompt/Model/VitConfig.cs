namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>Shape of the split ViT: head = patch embedding (+ prompts), body = blocks, tail = norm + classifier.</summary>
public sealed record VitConfig(
    int Width, int Depth, int Heads, int MlpRatio, int PatchSize, int PromptTokens, int Classes = 10, int ImageSize = VitConfig.GlyphImageSize)
{
    /// <summary>The generated glyph images are 32 x 32; other sizes only describe models the run counts but never trains.</summary>
    public const int GlyphImageSize = 32;

    public const int Channels = 3;

    public int Patches => (ImageSize / PatchSize) * (ImageSize / PatchSize);

    /// <summary>Tokens entering the body: CLS, prompts, patches.</summary>
    public int Tokens => 1 + PromptTokens + Patches;

    public VitConfig WithoutPrompts() => this with { PromptTokens = 0 };

    public static VitConfig From(FederatedPromptParameters p) => p.ModelPreset switch
    {
        ModelPreset.Tiny => new VitConfig(96, 6, 3, 2, p.PatchSize, p.PromptTokens),
        ModelPreset.Small => new VitConfig(128, 8, 4, 2, p.PatchSize, p.PromptTokens),
        _ => new VitConfig(p.Width, p.Depth, p.Heads, 2, p.PatchSize, p.PromptTokens),
    };

    /// <summary>
    /// ViT-B/16 as defined by Dosovitskiy et al. (ICLR 2021, Table 1): width 768, 12 layers, 12 heads, MLP 3072, 16 x 16
    /// patches; the model of the SFPrompt paper's 0.46% figure.
    /// </summary>
    public static VitConfig VitB16(int promptTokens, int classes, int imageSize) => new(768, 12, 12, 4, 16, promptTokens, classes, imageSize);

    /// <summary>A key for everything that determines the pre-trained weights.</summary>
    public string ArchitectureKey => $"w{Width}-d{Depth}-h{Heads}-m{MlpRatio}-p{PatchSize}-c{Classes}";
}
