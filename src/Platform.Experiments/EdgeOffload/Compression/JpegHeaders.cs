namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>The marker segments of a baseline JFIF file with three 1x1-sampled components (4:4:4).</summary>
internal static class JpegHeaders
{
    public static void WriteStart(Stream output, int width, int height, int[] luminanceTable, int[] chrominanceTable)
    {
        output.Write([0xFF, 0xD8]);
        output.Write([0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

        output.Write([0xFF, 0xDB, 0, 132]);
        WriteQuantisation(output, 0, luminanceTable);
        WriteQuantisation(output, 1, chrominanceTable);

        output.Write([0xFF, 0xC0, 0, 17, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3,
            1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]);

        JpegHuffmanTable[] tables =
        [
            JpegStandardHuffman.DcLuminance, JpegStandardHuffman.AcLuminance,
            JpegStandardHuffman.DcChrominance, JpegStandardHuffman.AcChrominance,
        ];
        byte[] ids = [0x00, 0x10, 0x01, 0x11];
        var length = 2 + tables.Sum(t => 17 + t.Symbols.Length);
        output.Write([0xFF, 0xC4, (byte)(length >> 8), (byte)length]);
        for (var i = 0; i < tables.Length; i++)
        {
            output.WriteByte(ids[i]);
            output.Write(tables[i].Counts);
            output.Write(tables[i].Symbols);
        }

        output.Write([0xFF, 0xDA, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
    }

    public static void WriteEnd(Stream output) => output.Write([0xFF, 0xD9]);

    private static void WriteQuantisation(Stream output, int id, int[] table)
    {
        output.WriteByte((byte)id);
        foreach (var index in JpegTables.ZigZag)
        {
            output.WriteByte((byte)table[index]);
        }
    }
}
