using Platform.Experiments.EdgeOffload.Data;

namespace Platform.UnitTests.EdgeOffload;

public sealed class FrameGeneratorTests
{
    private static readonly FrameSpec s_spec = new(64, 3, 3, 0.4, Distractors: true, PixelNoise: 0.04);

    [Fact]
    public void The_same_seed_gives_the_same_stream()
    {
        var a = new FrameGenerator(s_spec, 11).Take(5);
        var b = new FrameGenerator(s_spec, 11).Take(5);
        var c = new FrameGenerator(s_spec, 12).Take(5);

        Assert.Equal(a.SelectMany(f => f.Pixels), b.SelectMany(f => f.Pixels));
        Assert.Equal(a.SelectMany(f => f.Boxes), b.SelectMany(f => f.Boxes));
        Assert.NotEqual(a.SelectMany(f => f.Pixels), c.SelectMany(f => f.Pixels));
    }

    [Fact]
    public void Frames_have_the_empty_share_and_boxes_inside_the_frame_of_known_classes()
    {
        var frames = new FrameGenerator(s_spec, 3).Take(500);

        Assert.InRange(frames.Count(f => !f.HasObject) / 500.0, 0.33, 0.47);
        Assert.All(frames.SelectMany(f => f.Boxes), box =>
        {
            Assert.InRange(box.X1, 0, 64);
            Assert.InRange(box.X2, box.X1 + 1, 64);
            Assert.InRange(box.Class, 0, 2);
        });
        Assert.All(frames.Where(f => f.HasObject), f => Assert.InRange(f.Boxes.Count, 1, 3));
        Assert.All(frames.SelectMany(f => f.Pixels), v => Assert.InRange(v, 0f, 1f));
    }
}
