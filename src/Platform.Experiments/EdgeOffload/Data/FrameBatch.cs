using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>Turns frames into the model's input tensor, [B, 3, S, S] centred on zero.</summary>
public static class FrameBatch
{
    public static Tensor ToTensor(IReadOnlyList<Frame> frames, int start, int count)
    {
        var size = frames[start].Size;
        var plane = 3 * size * size;
        var data = new float[count * plane];
        for (var i = 0; i < count; i++)
        {
            var pixels = frames[start + i].Pixels;
            for (var j = 0; j < plane; j++)
            {
                data[(i * plane) + j] = pixels[j] - 0.5f;
            }
        }
        return torch.tensor(data, [count, 3, size, size]);
    }

    /// <summary>Batch start offsets and sizes covering <paramref name="total"/> items.</summary>
    public static IEnumerable<(int Start, int Count)> Ranges(int total, int batchSize)
    {
        for (var start = 0; start < total; start += batchSize)
        {
            yield return (start, Math.Min(batchSize, total - start));
        }
    }
}
