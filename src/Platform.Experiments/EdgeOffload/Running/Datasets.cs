using Platform.Experiments.EdgeOffload.Data;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>The run's frame sets, each from its own seeded generator so changing one size leaves the others alone.</summary>
internal sealed record Datasets(IReadOnlyList<Frame> Teacher, IReadOnlyList<Frame> Distill, IReadOnlyList<Frame> Filter,
    IReadOnlyList<Frame> Validation, IReadOnlyList<Frame> Stream)
{
    public static FrameSpec Spec(EdgeOffloadParameters p) =>
        new(p.ImageSize, p.Classes, p.MaxObjects, p.EmptyShare, p.Distractors, p.PixelNoise);

    public static Datasets Generate(EdgeOffloadParameters p, int seed)
    {
        var spec = Spec(p);
        IReadOnlyList<Frame> Take(int stream, int count) => new FrameGenerator(spec, unchecked((seed * 1_000_003) + stream)).Take(count);
        return new Datasets(Take(1, p.TeacherFrames), Take(2, p.DistillFrames), Take(3, p.FilterFrames),
            Take(4, p.ValidationFrames), Take(5, p.StreamFrames));
    }
}
