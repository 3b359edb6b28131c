namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>A canonical Huffman table given as the counts of codes per length (1-16) and the symbols in order.</summary>
internal sealed class JpegHuffmanTable
{
    public JpegHuffmanTable(byte[] counts, byte[] symbols)
    {
        Counts = counts;
        Symbols = symbols;
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++)
            {
                Codes[symbols[k]] = (code, length);
                k++;
                code++;
            }
            code <<= 1;
        }
    }

    public byte[] Counts { get; }

    public byte[] Symbols { get; }

    public (int Code, int Length)[] Codes { get; } = new (int, int)[256];
}
