using Platform.Experiments.Contract;
using Platform.Experiments.EdgeOffload.Model;

namespace Platform.Experiments.EdgeOffload;

public sealed partial class EdgeOffloadParameters : IValidatableParameters
{
    [Parameter("Data: synthetic (generated shapes, teacher trained from scratch; fast) or photos-with-digits (real photographs " +
        "with real MNIST digits at known boxes; teacher = ImageNet ResNet-18, frozen, with a trained detection head; the digits are fetched by the set-up step).",
        Main = true)]
    public EdgeOffloadData Data { get; set; } = EdgeOffloadData.Synthetic;

    [Parameter("Side of the square camera frames, in pixels (a multiple of 32).", Minimum = 32, Maximum = 128)]
    public int ImageSize { get; set; } = 64;

    [Parameter("Object classes (circle, triangle, cross, diamond, ring, or digits 0-4 on real frames: the first n).", Minimum = 1, Maximum = 5)]
    public int Classes { get; set; } = 3;

    [Parameter("Most objects of interest in one non-empty frame.", Minimum = 1, Maximum = 6)]
    public int MaxObjects { get; set; } = 3;

    [Parameter("Share of frames with no object of interest (they may still hold distractors).", Minimum = 0, Maximum = 0.9)]
    public double EmptyShare { get; set; } = 0.5;

    [Parameter("Draw gray rectangles and lines that are not classes.")]
    public bool Distractors { get; set; } = true;

    [Parameter("Standard deviation of the per-pixel noise, in [0, 1] intensity units.", Minimum = 0, Maximum = 0.2)]
    public double PixelNoise { get; set; } = 0.04;

    [Parameter("Frames the teacher detector trains on.", Minimum = 32, Maximum = 20000)]
    public int TeacherFrames { get; set; } = 1200;

    [Parameter("Teacher training epochs (the trained teacher is cached by seed and configuration).", Minimum = 1, Maximum = 50)]
    public int TeacherEpochs { get; set; } = 8;

    [Parameter("Reuse a teacher trained earlier with the same seed and configuration.")]
    public bool CacheTeacher { get; set; } = true;

    [Parameter("Unlabelled frames for head network distillation.", Minimum = 32, Maximum = 20000)]
    public int DistillFrames { get; set; } = 800;

    [Parameter("Distillation epochs per method.", Minimum = 1, Maximum = 50)]
    public int DistillEpochs { get; set; } = 6;

    [Parameter("Distillation methods to train; split computing uses the last one listed.", MinItems = 1, MaxItems = 2,
        Choices = ["hnd", "ghnd"], Main = true)]
    public List<string> DistillMethods { get; set; } = ["hnd", "ghnd"];

    [Parameter("Channels c of the injected bottleneck (the paper uses 3 to 15).", Minimum = 1, Maximum = 32, Main = true)]
    public int BottleneckChannels { get; set; } = 3;

    [Parameter("Bits per value of the quantised bottleneck (min-max, after training).", Minimum = 2, Maximum = 16, Main = true)]
    public int QuantizationBits { get; set; } = 8;

    [Parameter("Labelled frames for training the neural filter.", Minimum = 32, Maximum = 20000)]
    public int FilterFrames { get; set; } = 800;

    [Parameter("Neural filter training epochs.", Minimum = 1, Maximum = 50)]
    public int FilterEpochs { get; set; } = 6;

    [Parameter("Minimum recall of non-empty frames the filter's threshold must keep on validation frames.",
        Minimum = 0.5, Maximum = 1)]
    public double FilterMinRecall { get; set; } = 0.95;

    [Parameter("Validation frames (filter threshold, per-epoch mAP).", Minimum = 16, Maximum = 5000)]
    public int ValidationFrames { get; set; } = 300;

    [Parameter("Frames of the simulated camera stream (test set).", Minimum = 16, Maximum = 5000)]
    public int StreamFrames { get; set; } = 300;

    [Parameter("Training batch size.", Minimum = 2, Maximum = 256)]
    public int BatchSize { get; set; } = 32;

    [Parameter("JPEG quality of the frame edge computing sends.", Minimum = 1, Maximum = 100)]
    public int JpegQuality { get; set; } = 95;

    [Parameter("Assumed: how many times slower the mobile device runs the network than this machine (device time = host time x this); " +
        "the claims are also judged over 2-50.", Minimum = 1, Maximum = 1000)]
    public double DeviceSlowdown { get; set; } = 20;

    [Parameter("Assumed: how many times slower the mobile device encodes JPEG than this machine's Skia encoder; the claims are also judged over 1-50.",
        Minimum = 0.1, Maximum = 1000)]
    public double DeviceJpegSlowdown { get; set; } = 20;

    [Parameter("Assumed: how many times faster the edge server is than this machine (server time = host time / this); " +
        "the claims are also judged over 1-20.", Minimum = 0.1, Maximum = 1000)]
    public double ServerSpeedup { get; set; } = 5;

    [Parameter("Frames timed per module (batch 1; the median is used).", Minimum = 3, Maximum = 500)]
    public int TimingFrames { get; set; } = 30;

    [Parameter("Fixed channel rates to sweep, in Mbps.", Minimum = 0.001, Maximum = 10000, MinItems = 2, MaxItems = 40, Main = true)]
    public List<double> RatesMbps { get; set; } = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32];

    [Parameter("Also stream over a two-state good/bad (Gilbert-Elliott) channel.", Main = true)]
    public bool GilbertElliott { get; set; } = true;

    [Parameter("Gilbert-Elliott rate in the good state, in Mbps.", Minimum = 0.001, Maximum = 10000)]
    public double GoodRateMbps { get; set; } = 8;

    [Parameter("Gilbert-Elliott rate in the bad state, in Mbps.", Minimum = 0.001, Maximum = 10000)]
    public double BadRateMbps { get; set; } = 0.5;

    [Parameter("Per-frame probability of going from the good to the bad state.", Minimum = 0, Maximum = 1)]
    public double GoodToBad { get; set; } = 0.05;

    [Parameter("Per-frame probability of going from the bad to the good state.", Minimum = 0, Maximum = 1)]
    public double BadToGood { get; set; } = 0.2;

    // One thread by default: the tensors are tiny, so intra-op parallelism buys little, and on a loaded machine
    // OpenMP's spinning threads made a teacher epoch 7x slower in wall time and 9x dearer in CPU time (measured).
    [Parameter("Compute threads for this run; 0 uses the worker's share of the cores.", Minimum = 0, Maximum = 64, Main = true)]
    public int Threads { get; set; } = 1;

    /// <summary>The detector this run builds: the tiny backbone, or ResNet-18's widths on real frames.</summary>
    public DetectorShape Shape() => Data == EdgeOffloadData.PhotosWithDigits
        ? DetectorShape.ResNet18(ImageSize, Classes)
        : new DetectorShape(ImageSize, Classes);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (ImageSize % 32 != 0)
        {
            yield return ("imageSize", "The frame side must be a multiple of 32 (the detector's coarsest stride is 16, JPEG blocks are 8).");
        }
        if (DistillMethods.Distinct().Count() != DistillMethods.Count)
        {
            yield return ("distillMethods", "Each method may appear only once.");
        }
        if (RatesMbps.Distinct().Count() != RatesMbps.Count)
        {
            yield return ("ratesMbps", "Each rate may appear only once.");
        }
        if (RatesMbps.Any(rate => rate * 1000 < 1))
        {
            yield return ("ratesMbps", "Rates are logged per kbit/s, so each must be at least 0.001 Mbps.");
        }
        if (GilbertElliott && BadRateMbps >= GoodRateMbps)
        {
            yield return ("badRateMbps", "The bad state's rate must be below the good state's.");
        }
        if (TimingFrames > StreamFrames)
        {
            yield return ("timingFrames", "Modules are timed on stream frames, so at most streamFrames of them.");
        }
    }
}
