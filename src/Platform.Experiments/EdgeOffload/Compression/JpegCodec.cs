using Platform.Experiments.EdgeOffload.Data;
using SkiaSharp;

namespace Platform.Experiments.EdgeOffload.Compression;

/// <summary>
/// JPEG through Skia's encoder and decoder (libjpeg-turbo underneath): the production codec a device and a server use.
/// A frame is first made what a camera delivers, 8-bit RGB; chroma is subsampled 4:2:0, the default of PIL, with which
/// the paper's code re-encodes its frames.
/// </summary>
public static class JpegCodec
{
    /// <summary>Encodes a frame and decodes the file again, as edge computing sends and the server reads it.</summary>
    public static JpegImage RoundTrip(Frame frame, int quality)
    {
        using var image = CameraImage(frame);
        var bytes = Encode(image, quality);
        return new JpegImage(bytes, Decode(bytes, frame.Size));
    }

    /// <summary>The frame as the camera's 8-bit image, what the device encodes.</summary>
    public static SKImage CameraImage(Frame frame)
    {
        var plane = frame.Size * frame.Size;
        var rgba = new byte[plane * 4];
        for (var i = 0; i < plane; i++)
        {
            rgba[i * 4] = ToByte(frame.Pixels[i]);
            rgba[(i * 4) + 1] = ToByte(frame.Pixels[plane + i]);
            rgba[(i * 4) + 2] = ToByte(frame.Pixels[(2 * plane) + i]);
            rgba[(i * 4) + 3] = byte.MaxValue;
        }
        return SKImage.FromPixelCopy(Info(frame.Size), rgba);
    }

    /// <summary>The JPEG file, as the device puts it on the link.</summary>
    public static byte[] Encode(SKImage image, int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        using var pixmap = image.PeekPixels() ?? throw new InvalidOperationException("The camera image has no pixels in memory.");
        var options = new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore);
        using var data = pixmap.Encode(options) ?? throw new InvalidOperationException("Skia could not encode the frame as JPEG.");
        return data.ToArray();
    }

    /// <summary>What the server's detector sees: the decoded file as planar RGB in [0, 1].</summary>
    public static float[] Decode(byte[] jpeg, int size)
    {
        using var bitmap = SKBitmap.Decode(jpeg, Info(size)) ?? throw new InvalidDataException("Skia could not decode the JPEG file.");
        return Planar(bitmap.Bytes, size);
    }

    /// <summary>8-bit RGBA of a square image as planar RGB in [0, 1], the frames' layout.</summary>
    public static float[] Planar(byte[] rgba, int size)
    {
        var plane = size * size;
        var pixels = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                pixels[(c * plane) + i] = rgba[(i * 4) + c] / 255f;
            }
        }
        return pixels;
    }

    private static SKImageInfo Info(int size) => new(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque);

    private static byte ToByte(float value) => (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255f);
}
