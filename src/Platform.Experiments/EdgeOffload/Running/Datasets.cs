using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.RealData;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>The run's frame sets, each from its own seeded generator so changing one size leaves the others alone.</summary>
internal sealed record Datasets(IReadOnlyList<Frame> Teacher, IReadOnlyList<Frame> Distill, IReadOnlyList<Frame> Filter,
    IReadOnlyList<Frame> Validation, IReadOnlyList<Frame> Stream)
{
    // Real frames: every fifth MNIST image is kept for the stream (the test set), so it shows digits no model trained on.
    private const int StreamDigitEvery = 5;

    public static FrameSpec Spec(EdgeOffloadParameters p) =>
        new(p.ImageSize, p.Classes, p.MaxObjects, p.EmptyShare, p.Distractors, p.PixelNoise, p.Data);

    public static Datasets Generate(EdgeOffloadParameters p, int seed)
    {
        var spec = Spec(p);
        int Seed(int stream) => unchecked((seed * 1_000_003) + stream);
        if (p.Data == EdgeOffloadData.PhotosWithDigits)
        {
            var photographs = RealScenes.ShippedPhotographs();
            var digits = MnistDigitsJson.Load(RealDataFiles.Default);
            var training = new RealScenes(photographs, digits, i => i % StreamDigitEvery != 0);
            var held = new RealScenes(photographs, digits, i => i % StreamDigitEvery == 0);
            IReadOnlyList<Frame> Real(RealScenes scenes, int stream, int count) => new RealFrameGenerator(spec, scenes, Seed(stream)).Take(count);
            return new Datasets(Real(training, 1, p.TeacherFrames), Real(training, 2, p.DistillFrames), Real(training, 3, p.FilterFrames),
                Real(training, 4, p.ValidationFrames), Real(held, 5, p.StreamFrames));
        }
        IReadOnlyList<Frame> Take(int stream, int count) => new FrameGenerator(spec, Seed(stream)).Take(count);
        return new Datasets(Take(1, p.TeacherFrames), Take(2, p.DistillFrames), Take(3, p.FilterFrames),
            Take(4, p.ValidationFrames), Take(5, p.StreamFrames));
    }
}
