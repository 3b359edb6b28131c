using System.Buffers;
using System.Buffers.Binary;

namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>
/// Safetensors read from a stream of known length (a stored dataset): the header is checked before a tensor is
/// allocated, and tensors are decoded straight from the stream, so memory is the header (at most 1 MiB) plus the
/// model's own floats, whatever the file claims.
/// </summary>
public static class SafetensorsStream
{
    private const int CopyBytes = 64 * 1024;

    /// <summary>The length prefix and the header, after checking the claimed length against the file and the cap.</summary>
    /// <exception cref="FormatException">The file is too short, or claims a header too long.</exception>
    public static async Task<byte[]> ReadHeadAsync(Stream stream, long length, CancellationToken cancellationToken)
    {
        if (length < 8)
        {
            throw new FormatException("The file is shorter than a safetensors header.");
        }

        var prefix = new byte[8];
        await ReadExactlyAsync(stream, prefix, cancellationToken);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > (ulong)(length - 8))
        {
            throw new FormatException($"The header length ({headerLength} bytes) runs past the end of the file ({length} bytes).");
        }

        if (headerLength > SafetensorsLayout.MaxHeaderBytes)
        {
            throw new FormatException($"The header is {headerLength} bytes; at most {SafetensorsLayout.MaxHeaderBytes} are accepted.");
        }

        var head = new byte[8 + (int)headerLength];
        prefix.CopyTo(head, 0);
        await ReadExactlyAsync(stream, head.AsMemory(8), cancellationToken);
        return head;
    }

    /// <summary>Checks the layout only (what the submission does).</summary>
    public static async Task<SafetensorsLayout> CheckAsync(
        Stream stream, long length, IReadOnlyDictionary<string, long[]> expected, CancellationToken cancellationToken) =>
        SafetensorsLayout.Check(await ReadHeadAsync(stream, length, cancellationToken), length, expected);

    /// <summary>Decodes exactly the <paramref name="expected"/> tensors after checking the layout.</summary>
    /// <exception cref="FormatException">Says what is wrong.</exception>
    public static async Task<Dictionary<string, Safetensors.Entry>> ReadAsync(
        Stream stream, long length, IReadOnlyDictionary<string, long[]> expected, CancellationToken cancellationToken)
    {
        var layout = await CheckAsync(stream, length, expected, cancellationToken);
        var tensors = new Dictionary<string, Safetensors.Entry>(layout.Tensors.Count, StringComparer.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBytes);
        try
        {
            // The layout is sorted, contiguous and covers the data exactly, so reading in its order never seeks.
            foreach (var tensor in layout.Tensors)
            {
                var values = new float[tensor.Count];
                for (var done = 0; done < values.Length;)
                {
                    var count = Math.Min(values.Length - done, CopyBytes / sizeof(float));
                    var bytes = buffer.AsMemory(0, count * sizeof(float));
                    await ReadExactlyAsync(stream, bytes, cancellationToken);
                    for (var i = 0; i < count; i++)
                    {
                        values[done + i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Span[(4 * i)..]);
                    }

                    done += count;
                }

                tensors[tensor.Name] = new Safetensors.Entry(tensor.Shape, values);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return tensors;
    }

    private static async Task ReadExactlyAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException)
        {
            throw new FormatException("The file ends before its stated length.");
        }
    }
}
