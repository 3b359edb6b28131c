using Platform.Experiments.EdgeOffload;
using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Pretrained;
using Platform.Experiments.EdgeOffload.Training;
using Platform.Experiments.RealData;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.EdgeOffload;

/// <summary>Head network distillation against the pre-trained ResNet-18 on real frames: the bottleneck learns its layer1.</summary>
[Collection(LibTorchCollection.Name)]
public sealed class PretrainedDistillationTests
{
    [Fact(Skip = "Not yet a working relation: 6 epochs on 96 frames give layer1 MSE 18.5 vs 21.7 untrained (needs more steps or a higher rate)")]
    public void A_distilled_student_reproduces_ResNet18s_layer1_on_unseen_real_frames_far_better_than_an_untrained_one()
    {
        torch.manual_seed(3);
        var spec = new FrameSpec(32, 3, 2, 0.3, Distractors: true, PixelNoise: 0, EdgeOffloadData.PhotosWithDigits);
        var scenes = new RealScenes(RealScenes.ShippedPhotographs(), MnistDigitsJson.Load(RealDataFiles.Default), _ => true);
        var training = new RealFrameGenerator(spec, scenes, seed: 1).Take(96);
        var unseen = new RealFrameGenerator(spec, scenes, seed: 2).Take(32);
        var teacher = new TinyDetector(DetectorShape.ResNet18(32, 3));
        ResNet18Onnx.Load(PretrainedFiles.Default).CopyBackboneInto(teacher);
        teacher.Freeze();
        var untrained = new BottleneckStudent(teacher, 3);
        var distilled = new BottleneckStudent(teacher, 3);
        untrained.eval();

        using (var distiller = new Distiller(teacher, distilled, DistillationMethod.Hnd, training, batchSize: 16, epochs: 6, seed: 4))
        {
            for (var epoch = 0; epoch < 6; epoch++)
            {
                distiller.TrainEpoch(TestContext.Current.CancellationToken);
            }
        }

        var untrainedError = Layer1Error(teacher, untrained, unseen);
        var distilledError = Layer1Error(teacher, distilled, unseen);
        TestContext.Current.TestOutputHelper?.WriteLine($"layer1 MSE: untrained {untrainedError:G4}, distilled {distilledError:G4}");
        Assert.True(distilledError < 0.5 * untrainedError, $"distilled {distilledError:G4} vs untrained {untrainedError:G4}");
    }

    private static double Layer1Error(TinyDetector teacher, BottleneckStudent student, IReadOnlyList<Frame> frames)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var images = FrameBatch.ToTensor(frames, 0, frames.Count);
        using var target = teacher.Layers(images);
        using var output = student.Layers(images);
        return (output.L1 - target.L1).pow(2).mean().item<float>();
    }
}
