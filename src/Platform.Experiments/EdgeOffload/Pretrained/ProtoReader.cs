using Platform.Experiments.RealData;

namespace Platform.Experiments.EdgeOffload.Pretrained;

/// <summary>
/// The protobuf wire format, read field by field from bytes already in memory. Every length is checked against the
/// bytes left in its message before anything is sliced or allocated, so a crafted length fails here, with the
/// source and offset in the message, instead of asking for more memory than the file holds.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> bytes, string source, long baseOffset = 0)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position >= _bytes.Length;

    public readonly long Offset => baseOffset + _position;

    /// <summary>The next field's number and wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        var field = tag >> 3;
        if (field is 0 or > int.MaxValue)
        {
            throw Malformed($"field number {field} is not valid");
        }
        return ((int)field, (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (AtEnd)
            {
                throw Malformed("the file ends inside a varint");
            }
            var b = _bytes[_position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        throw Malformed("a varint is longer than 10 bytes");
    }

    public long ReadInt64() => unchecked((long)ReadVarint());

    public ReadOnlySpan<byte> ReadBytes() => ReadBytes(out _);

    /// <summary>A length-delimited field's bytes, and the offset they start at in the file.</summary>
    public ReadOnlySpan<byte> ReadBytes(out long start)
    {
        var length = ReadVarint();
        var left = _bytes.Length - _position;
        if (length > (ulong)left)
        {
            throw Malformed($"a field claims {length} bytes but only {left} are left in its message");
        }
        start = Offset;
        var slice = _bytes.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    public ProtoReader ReadMessage()
    {
        var slice = ReadBytes(out var start);
        return new ProtoReader(slice, source, start);
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    public float ReadFixed32Float()
    {
        if (_bytes.Length - _position < 4)
        {
            throw Malformed("the file ends inside a 32-bit value");
        }
        var value = BitConverter.ToSingle(_bytes.Slice(_position, 4));
        _position += 4;
        return value;
    }

    /// <summary>Skips a field this reader does not use; groups (deprecated wire types 3 and 4) are refused.</summary>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Advance(8);
                break;
            case LengthDelimited:
                ReadBytes();
                break;
            case Fixed32:
                Advance(4);
                break;
            default:
                throw Malformed($"wire type {wireType} is not used by ONNX");
        }
    }

    public readonly MalformedDataException Malformed(string problem) => new(source, $"{problem} (byte {Offset}).");

    private void Advance(int count)
    {
        if (_bytes.Length - _position < count)
        {
            throw Malformed("the file ends inside a field");
        }
        _position += count;
    }
}
