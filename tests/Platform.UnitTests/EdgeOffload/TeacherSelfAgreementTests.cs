using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;
using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Training;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.EdgeOffload;

[Collection(LibTorchCollection.Name)]
public sealed class TeacherSelfAgreementTests
{
    [Fact]
    public void The_teachers_detections_scored_against_themselves_as_truth_have_ap_one_at_every_coco_threshold()
    {
        // An untrained teacher: its heatmap prior (p ~ 0.1) makes it report many overlapping boxes of every class, the
        // hard case for matching; regressions of either sign make some boxes degenerate.
        torch.manual_seed(3);
        var teacher = new TinyDetector(new DetectorShape(ImageSize: 32, Classes: 2));
        teacher.eval();
        var frames = new FrameGenerator(new FrameSpec(32, 2, 2, 0.5, Distractors: true, PixelNoise: 0.03), seed: 8).Take(6);

        var detections = Detections.Run(teacher.forward, frames, classes: 2, batchSize: 4, TestContext.Current.CancellationToken);
        IReadOnlyList<IReadOnlyList<Box>> asTruth = [.. detections.Select(d => (IReadOnlyList<Box>)[.. d.Select(x => x.Box)])];

        Assert.True(detections.Sum(d => d.Count) >= 12, "too few detections to exercise the matching");
        Assert.All(AveragePrecision.CocoThresholds, t => Assert.Equal(1.0, AveragePrecision.Mean(asTruth, detections, 2, t), 12));
        Assert.Equal(1.0, AveragePrecision.CocoMean(asTruth, detections, 2), 12);
    }
}
