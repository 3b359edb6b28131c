using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// The frozen backbone's L2 and L3 of every frame, computed once: a teacher on a pre-trained backbone trains only
/// its neck and head, so each epoch reads these instead of running ResNet-18's first three stages again.
/// </summary>
public sealed class BackboneFeatures : IDisposable
{
    private const int Batch = 64;

    private BackboneFeatures(Tensor l2, Tensor l3)
    {
        L2 = l2;
        L3 = l3;
    }

    public Tensor L2 { get; }

    public Tensor L3 { get; }

    public static BackboneFeatures Compute(TinyDetector teacher, IReadOnlyList<Frame> frames, CancellationToken cancellationToken)
    {
        var (l2s, l3s) = (new List<Tensor>(), new List<Tensor>());
        using (torch.no_grad())
        {
            foreach (var (start, count) in FrameBatch.Ranges(frames.Count, Batch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var images = FrameBatch.ToTensor(frames, start, count);
                using var l1 = teacher.HeadToL1(images);
                var l2 = teacher.Trunk.Layer2.forward(l1);
                l2s.Add(l2);
                l3s.Add(teacher.Trunk.Layer3.forward(l2));
            }
        }
        var features = new BackboneFeatures(torch.cat(l2s, 0), torch.cat(l3s, 0));
        l2s.Concat(l3s).ToList().ForEach(t => t.Dispose());
        return features;
    }

    /// <summary>The head's output for the frames at <paramref name="indices"/>.</summary>
    public Tensor Head(DetectorTrunk trunk, long[] indices)
    {
        using var index = torch.tensor(indices);
        using var l2 = L2.index_select(0, index);
        using var l3 = L3.index_select(0, index);
        return trunk.HeadFrom(l2, l3);
    }

    public void Dispose()
    {
        L2.Dispose();
        L3.Dispose();
    }
}
