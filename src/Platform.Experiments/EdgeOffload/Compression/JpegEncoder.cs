using System.Runtime.CompilerServices;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>
/// A baseline JPEG encoder (JFIF, 4:4:4, standard tables, IJG quality scaling), so edge computing sends a real
/// JPEG of the frame and is scored on what the server decodes. The reconstruction is computed from the same
/// quantised coefficients a decoder reads, so it equals the decoder's output up to IDCT rounding.
/// </summary>
public static class JpegEncoder
{
    /// <summary>
    /// Encodes a planar RGB frame. <paramref name="reconstruct"/> also decodes it (server work), so timing the
    /// device's encoder passes false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static JpegImage Encode(float[] planarRgb, int size, int quality, bool reconstruct = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        ArgumentOutOfRangeException.ThrowIfNotEqual(size % 8, 0);

        var planes = YCbCr.FromRgb(planarRgb, size);
        int[][] tables = [JpegTables.Quantisation(0, quality), JpegTables.Quantisation(1, quality)];
        var reconstructed = new double[3][];
        for (var c = 0; c < 3; c++)
        {
            reconstructed[c] = reconstruct ? new double[size * size] : [];
        }

        using var output = new MemoryStream();
        JpegHeaders.WriteStart(output, size, size, tables[0], tables[1]);
        var writer = new JpegBitWriter(output);
        var previousDc = new int[3];
        Span<int> quantised = stackalloc int[64];
        for (var by = 0; by < size; by += 8)
        {
            for (var bx = 0; bx < size; bx += 8)
            {
                for (var c = 0; c < 3; c++)
                {
                    var table = tables[c == 0 ? 0 : 1];
                    JpegBlockCoder.Quantise(planes[c], size, bx, by, table, quantised);
                    if (reconstruct)
                    {
                        JpegBlockCoder.Reconstruct(quantised, table, reconstructed[c], size, bx, by);
                    }
                    var dc = c == 0 ? JpegStandardHuffman.DcLuminance : JpegStandardHuffman.DcChrominance;
                    var ac = c == 0 ? JpegStandardHuffman.AcLuminance : JpegStandardHuffman.AcChrominance;
                    JpegBlockCoder.Write(writer, quantised, previousDc[c], dc, ac);
                    previousDc[c] = quantised[0];
                }
            }
        }
        writer.Flush();
        JpegHeaders.WriteEnd(output);
        return new JpegImage(output.ToArray(), reconstruct ? YCbCr.ToRgb(reconstructed, size) : []);
    }
}
