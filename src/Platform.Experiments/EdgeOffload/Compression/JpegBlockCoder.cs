using System.Runtime.CompilerServices;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>One 8x8 block: DCT and quantisation, its decoded pixels, and its Huffman coding (DC difference, AC runs).</summary>
internal static class JpegBlockCoder
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Quantise(double[] plane, int size, int bx, int by, int[] table, Span<int> quantised)
    {
        Span<double> block = stackalloc double[64];
        Span<double> coefficients = stackalloc double[64];
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                block[(y * 8) + x] = plane[((by + y) * size) + bx + x] - 128;
            }
        }
        BlockDct.Forward(block, coefficients);
        for (var k = 0; k < 64; k++)
        {
            var natural = JpegTables.ZigZag[k];
            quantised[k] = (int)Math.Round(coefficients[natural] / table[natural]);
        }
    }

    public static void Reconstruct(ReadOnlySpan<int> quantised, int[] table, double[] plane, int size, int bx, int by)
    {
        Span<double> coefficients = stackalloc double[64];
        Span<double> block = stackalloc double[64];
        for (var k = 0; k < 64; k++)
        {
            var natural = JpegTables.ZigZag[k];
            coefficients[natural] = quantised[k] * table[natural];
        }
        BlockDct.Inverse(coefficients, block);
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                plane[((by + y) * size) + bx + x] = Math.Clamp(Math.Round(block[(y * 8) + x] + 128), 0, 255);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(JpegBitWriter writer, ReadOnlySpan<int> quantised, int previousDc, JpegHuffmanTable dc, JpegHuffmanTable ac)
    {
        WriteValue(writer, dc, quantised[0] - previousDc, runLength: 0);
        var run = 0;
        for (var k = 1; k < 64; k++)
        {
            if (quantised[k] == 0)
            {
                run++;
                continue;
            }
            while (run > 15)
            {
                var (zrl, zrlLength) = ac.Codes[0xF0];
                writer.Write(zrl, zrlLength);
                run -= 16;
            }
            WriteValue(writer, ac, quantised[k], run);
            run = 0;
        }
        if (run > 0)
        {
            var (eob, eobLength) = ac.Codes[0x00];
            writer.Write(eob, eobLength);
        }
    }

    // A value is sent as the Huffman code of (run, bit count) and then its bits; negatives as value - 1 in that many bits.
    private static void WriteValue(JpegBitWriter writer, JpegHuffmanTable table, int value, int runLength)
    {
        var magnitude = Math.Abs(value);
        var bits = 0;
        while (magnitude >> bits != 0)
        {
            bits++;
        }
        var (code, length) = table.Codes[(runLength << 4) | bits];
        writer.Write(code, length);
        if (bits > 0)
        {
            writer.Write(value < 0 ? value - 1 : value, bits);
        }
    }
}
