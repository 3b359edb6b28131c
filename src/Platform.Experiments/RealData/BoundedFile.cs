namespace Platform.Experiments.RealData;

/// <summary>
/// Reads whole files and streams no larger than a cap set per format, checked before the bytes are allocated, so a
/// crafted or wrong file cannot make a loader allocate more than its expected size allows.
/// </summary>
public static class BoundedFile
{
    public static byte[] Read(string path, long maxBytes)
    {
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw new MalformedDataException(path, $"{length} bytes, more than the {maxBytes} this format allows.");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, refusing it as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static byte[] Read(Stream stream, long maxBytes, string source)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new MalformedDataException(source, $"more than the {maxBytes} bytes this format allows.");
            }

            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
