using Platform.Experiments.EdgeOffload.Compression;
using Platform.Experiments.EdgeOffload.Data;

namespace Platform.UnitTests.EdgeOffload;

public sealed class JpegCodecTests
{
    private static Frame AFrame() =>
        new FrameGenerator(new FrameSpec(64, 3, 3, 0, Distractors: true, PixelNoise: 0.04), seed: 9).Next();

    [Fact]
    public void The_file_is_a_baseline_jpeg_with_its_markers()
    {
        var jpeg = JpegCodec.RoundTrip(AFrame(), 95).Bytes;

        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        Assert.Contains((byte)0xC0, jpeg.Where((b, i) => i > 0 && jpeg[i - 1] == 0xFF));
    }

    [Fact]
    public void Quality_trades_bytes_for_fidelity()
    {
        var frame = AFrame();

        var high = JpegCodec.RoundTrip(frame, 95);
        var low = JpegCodec.RoundTrip(frame, 30);

        Assert.True(low.Bytes.Length < high.Bytes.Length, $"q30 {low.Bytes.Length} B vs q95 {high.Bytes.Length} B");
        Assert.True(high.Bytes.Length < frame.Pixels.Length, "q95 should still compress the 8-bit frame");
        // 4:2:0 halves the colour resolution, which is what bounds fidelity on small coloured shapes even at q95.
        Assert.True(Psnr(frame.Pixels, high.Reconstruction) > 24, $"q95 PSNR {Psnr(frame.Pixels, high.Reconstruction):F1} dB");
        Assert.True(Psnr(frame.Pixels, low.Reconstruction) < Psnr(frame.Pixels, high.Reconstruction));
    }

    [Fact]
    public void A_flat_gray_frame_comes_back_gray()
    {
        var gray = new Frame(64, Enumerable.Repeat(128f / 255, 3 * 64 * 64).ToArray(), []);

        var jpeg = JpegCodec.RoundTrip(gray, 95);

        Assert.All(jpeg.Reconstruction, v => Assert.Equal(128f / 255, v, 1.5f / 255));
    }

    private static double Psnr(float[] a, float[] b)
    {
        var mse = a.Zip(b, (x, y) => (x - y) * (double)(x - y)).Average();
        return 10 * Math.Log10(1 / mse);
    }
}
