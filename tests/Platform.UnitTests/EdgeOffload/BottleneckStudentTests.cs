using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Training;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.EdgeOffload;

[Collection(LibTorchCollection.Name)]
public sealed class BottleneckStudentTests
{
    private static readonly DetectorShape s_shape = new(ImageSize: 32, Classes: 2);

    private static IReadOnlyList<Frame> Frames(int count) =>
        new FrameGenerator(new FrameSpec(32, 2, 2, 0.5, Distractors: true, PixelNoise: 0.03), seed: 5).Take(count);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    public void The_decoded_bottleneck_has_the_shape_of_the_teachers_split_layer(int channels)
    {
        torch.manual_seed(1);
        var teacher = new TinyDetector(s_shape);
        var student = new BottleneckStudent(teacher, channels);
        teacher.eval();
        student.eval();
        using var images = FrameBatch.ToTensor(Frames(2), 0, 2);

        using var teacherLayers = teacher.Layers(images);
        using var studentLayers = student.Layers(images);
        using var code = student.Encode(images);

        Assert.Equal(teacherLayers.L1.shape, studentLayers.L1.shape);
        Assert.Equal(new long[] { 2, s_shape.L1Channels, 8, 8 }, studentLayers.L1.shape);
        Assert.Equal(new long[] { 2, channels, 8 + BottleneckEncoder.SideGrowth, 8 + BottleneckEncoder.SideGrowth }, code.shape);
        Assert.Equal(teacherLayers.Head.shape, studentLayers.Head.shape);
    }

    [Theory]
    [InlineData(DistillationMethod.Hnd)]
    [InlineData(DistillationMethod.Ghnd)]
    public void Distillation_trains_the_head_and_leaves_the_frozen_trunk_untouched(DistillationMethod method)
    {
        torch.manual_seed(2);
        var teacher = new TinyDetector(s_shape);
        teacher.Freeze();
        var student = new BottleneckStudent(teacher, 2);
        var trunkBefore = Snapshot(teacher.Trunk);
        var stemBefore = Snapshot(student.Stem);

        using var distiller = new Distiller(teacher, student, method, Frames(16), batchSize: 8, epochs: 1, seed: 3);
        var loss = distiller.TrainEpoch(TestContext.Current.CancellationToken);

        Assert.True(double.IsFinite(loss) && loss > 0);
        Assert.All(teacher.Trunk.parameters(), p => Assert.False(p.requires_grad));
        Assert.All(Snapshot(teacher.Trunk).Zip(trunkBefore), pair => Assert.Equal(pair.Second, pair.First));
        Assert.Contains(Snapshot(student.Stem).Zip(stemBefore), pair => !pair.First.SequenceEqual(pair.Second));
    }

    [Fact]
    public void Frozen_trunk_batch_norm_keeps_the_teachers_running_statistics_during_distillation()
    {
        torch.manual_seed(4);
        var teacher = new TinyDetector(s_shape);
        teacher.Freeze();
        var student = new BottleneckStudent(teacher, 2);
        var buffersBefore = teacher.Trunk.buffers().Where(b => b.dtype == torch.ScalarType.Float32).Select(b => b.clone().data<float>().ToArray()).ToList();

        using var distiller = new Distiller(teacher, student, DistillationMethod.Ghnd, Frames(16), batchSize: 8, epochs: 1, seed: 3);
        distiller.TrainEpoch(TestContext.Current.CancellationToken);

        var buffersAfter = teacher.Trunk.buffers().Where(b => b.dtype == torch.ScalarType.Float32).Select(b => b.data<float>().ToArray()).ToList();
        Assert.All(buffersAfter.Zip(buffersBefore), pair => Assert.Equal(pair.Second, pair.First));
    }

    private static List<float[]> Snapshot(torch.nn.Module module) =>
        [.. module.parameters().Select(p => p.detach().clone().data<float>().ToArray())];
}
