using Platform.Experiments.EdgeOffload.Compression;
using Platform.Experiments.EdgeOffload.Data;

namespace Platform.UnitTests.EdgeOffload;

public sealed class JpegEncoderTests
{
    private static Frame AFrame() =>
        new FrameGenerator(new FrameSpec(64, 3, 3, 0, Distractors: true, PixelNoise: 0.04), seed: 9).Next();

    [Fact]
    public void The_file_is_a_baseline_jfif_with_its_markers()
    {
        var jpeg = JpegEncoder.Encode(AFrame().Pixels, 64, 95).Bytes;

        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0], jpeg[..4]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        Assert.Contains((byte)0xC0, jpeg.Where((b, i) => i > 0 && jpeg[i - 1] == 0xFF));
    }

    [Fact]
    public void Quality_trades_bytes_for_fidelity()
    {
        var frame = AFrame();

        var high = JpegEncoder.Encode(frame.Pixels, 64, 95);
        var low = JpegEncoder.Encode(frame.Pixels, 64, 30);

        Assert.True(low.Bytes.Length < high.Bytes.Length, $"q30 {low.Bytes.Length} B vs q95 {high.Bytes.Length} B");
        Assert.True(high.Bytes.Length < frame.Pixels.Length, "q95 should still compress the 8-bit frame");
        Assert.True(Psnr(frame.Pixels, high.Reconstruction) > 35, $"q95 PSNR {Psnr(frame.Pixels, high.Reconstruction):F1} dB");
        Assert.True(Psnr(frame.Pixels, low.Reconstruction) < Psnr(frame.Pixels, high.Reconstruction));
    }

    [Fact]
    public void A_flat_gray_frame_is_reconstructed_exactly_and_encodes_to_little_more_than_headers()
    {
        var gray = Enumerable.Repeat(128f / 255, 3 * 64 * 64).ToArray();

        var jpeg = JpegEncoder.Encode(gray, 64, 95);

        Assert.All(jpeg.Reconstruction, v => Assert.Equal(128f / 255, v, 1e-6f));
        Assert.InRange(jpeg.Bytes.Length, 600, 800);
    }

    private static double Psnr(float[] a, float[] b)
    {
        var mse = a.Zip(b, (x, y) => (x - y) * (double)(x - y)).Average();
        return 10 * Math.Log10(1 / mse);
    }
}
