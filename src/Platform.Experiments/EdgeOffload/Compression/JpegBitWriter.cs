namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>Writes the entropy-coded segment MSB first, stuffing a zero byte after every 0xFF as JPEG requires.</summary>
internal sealed class JpegBitWriter(Stream output)
{
    private int _buffer;
    private int _count;

    public void Write(int code, int length)
    {
        for (var i = length - 1; i >= 0; i--)
        {
            _buffer = (_buffer << 1) | ((code >> i) & 1);
            _count++;
            if (_count == 8)
            {
                Emit();
            }
        }
    }

    /// <summary>Pads the last byte with one-bits, as the standard asks.</summary>
    public void Flush()
    {
        while (_count != 0)
        {
            Write(1, 1);
        }
    }

    private void Emit()
    {
        output.WriteByte((byte)_buffer);
        if (_buffer == 0xFF)
        {
            output.WriteByte(0);
        }
        _buffer = 0;
        _count = 0;
    }
}
