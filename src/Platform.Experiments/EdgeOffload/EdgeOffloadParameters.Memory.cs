using Platform.Experiments.Contract;
using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Pretrained;
using static Platform.Experiments.Contract.MemoryEstimate;

namespace Platform.Experiments.EdgeOffload;

public sealed partial class EdgeOffloadParameters : IEstimatesPeakMemory
{
    /// <remarks>
    /// Every frame set is generated before training starts and kept to the end (see Datasets), each frame as 3·S²
    /// floats. A training batch exists twice (the managed copy and its tensor) with its CenterNet targets, and the
    /// detector keeps each feature map three times (convolution, normalisation, activation) plus a gradient.
    /// </remarks>
    public MemoryEstimate EstimatePeakMemory()
    {
        var shape = Shape();
        double frames = (double)TeacherFrames + DistillFrames + FilterFrames + ValidationFrames + StreamFrames;
        double pixels = 3.0 * ImageSize * ImageSize, batch = BatchSize;
        double stride4 = Math.Pow(ImageSize / 4.0, 2), stride8 = Math.Pow(ImageSize / 8.0, 2), stride16 = Math.Pow(ImageSize / 16.0, 2);
        var featureMaps = ((shape.StemChannels + shape.L1Channels) * stride4)
            + ((shape.L2Channels + shape.NeckChannels + shape.HeadChannels) * stride8) + (shape.L3Channels * stride16);
        return new MemoryEstimate(
        [
            new("frame sets", frames * pixels * Float32,
                "teacherFrames", "distillFrames", "filterFrames", "validationFrames", "streamFrames", "imageSize"),
            new("a training batch and its targets", batch * 2 * (pixels + ((shape.HeadChannels + 1) * stride8)) * Float32, "batchSize", "imageSize"),
            new("detector activations and their gradients", batch * ((3 * featureMaps) + featureMaps) * Float32, "batchSize", "imageSize"),
            // Real frames: the 64 MB ONNX file while it is read, its parsed floats, and the ResNet-18 built from them.
            new("pre-trained ResNet-18 (file, parsed, module)", Data == EdgeOffloadData.PhotosWithDigits ? 3.0 * OnnxReader.DefaultMaxBytes / 2 : 0, "data"),
            // Real frames: the frozen backbone's L2 and L3 of every teacher-training and validation frame, kept for the head's epochs.
            new("cached backbone features", Data == EdgeOffloadData.PhotosWithDigits
                ? ((double)TeacherFrames + ValidationFrames) * ((shape.L2Channels * stride8) + (shape.L3Channels * stride16)) * Float32 : 0,
                "data", "teacherFrames", "validationFrames", "imageSize"),
        ]);
    }
}
