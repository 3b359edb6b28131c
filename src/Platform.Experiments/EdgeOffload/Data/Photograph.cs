using SkiaSharp;

namespace Platform.Experiments.EdgeOffload.Data;

/// <summary>A decoded photograph, planar RGB in [0, 1], from which square background crops are cut.</summary>
public sealed class Photograph
{
    /// <summary>A JPEG of a few hundred kilobytes; the two shipped are 143 and 197 KB.</summary>
    public const long MaxFileBytes = 4 << 20;

    private const int MaxSide = 4096;

    private readonly SKBitmap _bitmap;

    private Photograph(string name, SKBitmap bitmap)
    {
        Name = name;
        _bitmap = bitmap;
    }

    public string Name { get; }

    public int Width => _bitmap.Width;

    public int Height => _bitmap.Height;

    /// <summary>Decodes a JPEG, refusing files and images larger than a photograph of this kind.</summary>
    public static Photograph Decode(string name, byte[] jpeg)
    {
        if (jpeg.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"{name}: {jpeg.Length} bytes, more than a background photograph may have ({MaxFileBytes}).");
        }
        using var codec = SKCodec.Create(new MemoryStream(jpeg)) ?? throw new InvalidDataException($"{name}: not an image Skia can read.");
        if (codec.Info.Width > MaxSide || codec.Info.Height > MaxSide)
        {
            throw new InvalidDataException($"{name}: {codec.Info.Width}x{codec.Info.Height} pixels, more than {MaxSide} on a side.");
        }
        var bitmap = SKBitmap.Decode(codec, new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new InvalidDataException($"{name}: Skia could not decode it.");
        return new Photograph(name, bitmap);
    }

    /// <summary>The square crop at (x, y) of side <paramref name="side"/>, resampled to <paramref name="size"/> pixels, planar RGB.</summary>
    public float[] Crop(int x, int y, int side, int size)
    {
        using var target = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        using (var image = SKImage.FromBitmap(_bitmap))
        {
            canvas.DrawImage(image, new SKRect(x, y, x + side, y + side), new SKRect(0, 0, size, size),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        }
        return Compression.JpegCodec.Planar(target.Bytes, size);
    }
}
