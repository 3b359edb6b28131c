namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// The parameter names and shapes of a <see cref="SplitVit"/> without prompts, computed without LibTorch so an
/// uploaded weights file can be checked at submission.
/// </summary>
public static class VitShapes
{
    public static IReadOnlyDictionary<string, long[]> Pretrained(VitConfig c)
    {
        long d = c.Width, hidden = c.MlpRatio * c.Width;
        var shapes = new Dictionary<string, long[]>
        {
            ["head.patch.weight"] = [d, VitConfig.Channels, c.PatchSize, c.PatchSize],
            ["head.patch.bias"] = [d],
            ["head.cls"] = [1, 1, d],
            ["head.position"] = [1, 1 + c.Patches, d],
            ["tail.norm.weight"] = [d],
            ["tail.norm.bias"] = [d],
            ["tail.classifier.weight"] = [c.Classes, d],
            ["tail.classifier.bias"] = [c.Classes],
        };
        for (var i = 0; i < c.Depth; i++)
        {
            var block = $"body.blocks.{i}.";
            shapes[block + "norm1.weight"] = [d];
            shapes[block + "norm1.bias"] = [d];
            shapes[block + "attention.qkv.weight"] = [3 * d, d];
            shapes[block + "attention.qkv.bias"] = [3 * d];
            shapes[block + "attention.projection.weight"] = [d, d];
            shapes[block + "attention.projection.bias"] = [d];
            shapes[block + "norm2.weight"] = [d];
            shapes[block + "norm2.bias"] = [d];
            shapes[block + "hidden.weight"] = [hidden, d];
            shapes[block + "hidden.bias"] = [hidden];
            shapes[block + "output.weight"] = [d, hidden];
            shapes[block + "output.bias"] = [d];
        }
        return shapes;
    }
}
