using System.Buffers.Binary;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>
/// A float32 tensor as bytes on the link, losslessly: its rank (int32) and dimensions (int64 each), then its values,
/// all little-endian. What a split without a bottleneck sends.
/// </summary>
public static class Float32Message
{
    public static byte[] Write(Tensor x)
    {
        using var contiguous = x.contiguous();
        var values = contiguous.data<float>().ToArray();
        var header = sizeof(int) + (x.shape.Length * sizeof(long));
        var message = new byte[header + (values.Length * sizeof(float))];
        BinaryPrimitives.WriteInt32LittleEndian(message, x.shape.Length);
        for (var d = 0; d < x.shape.Length; d++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(message.AsSpan(sizeof(int) + (d * sizeof(long))), x.shape[d]);
        }
        var body = message.AsSpan(header);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(body[(i * sizeof(float))..], values[i]);
        }
        return message;
    }

    public static Tensor Read(byte[] message)
    {
        var rank = BinaryPrimitives.ReadInt32LittleEndian(message);
        var shape = new long[rank];
        for (var d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt64LittleEndian(message.AsSpan(sizeof(int) + (d * sizeof(long))));
        }
        var body = message.AsSpan(sizeof(int) + (rank * sizeof(long)));
        var values = new float[body.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(i * sizeof(float))..]);
        }
        return tensor(values, shape);
    }
}
