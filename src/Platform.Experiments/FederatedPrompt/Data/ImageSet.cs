using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>Images (N x 3 x 32 x 32, float32) and their int64 labels, kept outside any dispose scope.</summary>
public sealed class ImageSet : IDisposable
{
    public ImageSet(Tensor images, Tensor labels)
    {
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        LabelArray = labels.data<long>().ToArray();
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public long[] LabelArray { get; }

    public int Count => LabelArray.Length;

    /// <summary>The images and labels at <paramref name="indices"/>, owned by the caller's dispose scope.</summary>
    public (Tensor Images, Tensor Labels) Batch(ReadOnlySpan<int> indices)
    {
        using var index = torch.tensor(indices.ToArray().Select(i => (long)i).ToArray());
        return (Images.index_select(0, index), Labels.index_select(0, index));
    }

    /// <summary>Fraction of samples per class.</summary>
    public double[] ClassShares(int classes)
    {
        var shares = new double[classes];
        foreach (var label in LabelArray)
        {
            shares[label] += 1.0 / Count;
        }
        return shares;
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
