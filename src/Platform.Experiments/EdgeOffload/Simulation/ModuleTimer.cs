using System.Diagnostics;
using Platform.Experiments.EdgeOffload.Compression;
using Platform.Experiments.EdgeOffload.Data;
using Platform.Experiments.EdgeOffload.Detection;
using Platform.Experiments.EdgeOffload.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>
/// Times the real modules one frame at a time (batch 1, as a camera delivers them), each over the same frames,
/// and keeps the median: on a shared machine noise only adds time, and the median ignores the worst of it.
/// </summary>
public sealed class ModuleTimer(TinyDetector teacher, BottleneckStudent student, NeuralFilter filter, int bits, int jpegQuality)
{
    private const int WarmUp = 2;

    public HostTimings Measure(IReadOnlyList<Frame> frames, CancellationToken cancellationToken)
    {
        teacher.eval();
        student.eval();
        filter.eval();
        var classes = teacher.Shape.Classes;
        var naive = new NaiveSplit(teacher);
        using var noGrad = torch.no_grad();
        return new HostTimings(
            FullMs: Median(frames, x => CenterNetDecoder.Decode(teacher.forward(x), classes), cancellationToken),
            JpegMs: MedianOfFrames(frames, JpegCodec.CameraImage, image => JpegCodec.Encode(image, jpegQuality), cancellationToken),
            StemMs: Median(frames, x => student.Stem.forward(x).data<float>().Count, cancellationToken),
            EncoderMs: MedianAfter(frames, student.Stem.forward, s => Send(student.EncodeFromStem(s)), cancellationToken),
            FilterMs: MedianAfter(frames, student.Stem.forward, s => filter.ObjectProbability(s).item<float>(), cancellationToken),
            TailMs: MedianAfter(frames, x => MinMaxQuantizer.Quantize(student.Encode(x), bits),
                q => CenterNetDecoder.Decode(student.Trunk.forward(student.Decode(MinMaxQuantizer.Dequantize(q))), classes), cancellationToken),
            NaiveHeadMs: Median(frames, naive.Head, cancellationToken),
            NaiveTailMs: MedianAfter(frames, naive.Head, message => CenterNetDecoder.Decode(naive.Tail(message), classes), cancellationToken));
    }

    // The device's message: integer codes packed as bytes, ready for the socket.
    private byte[] Send(Tensor code)
    {
        using var q = MinMaxQuantizer.Quantize(code, bits);
        using var bytes = q.Codes.to_type(ScalarType.Int32);
        return [.. bytes.data<int>().Select(v => (byte)v)];
    }

    private static double Median<T>(IReadOnlyList<Frame> frames, Func<Tensor, T> work, CancellationToken cancellationToken) =>
        MedianAfter(frames, x => x, work, cancellationToken);

    /// <summary>Times <paramref name="work"/> only; <paramref name="prepare"/> builds its input untimed (the other party's output).</summary>
    private static double MedianAfter<TInput, T>(IReadOnlyList<Frame> frames, Func<Tensor, TInput> prepare, Func<TInput, T> work,
        CancellationToken cancellationToken)
    {
        var times = new List<double>(frames.Count);
        for (var i = -WarmUp; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();
            var input = prepare(FrameBatch.ToTensor(frames, Math.Max(i, 0), 1));
            var stopwatch = Stopwatch.StartNew();
            GC.KeepAlive(work(input));
            stopwatch.Stop();
            if (i >= 0)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }
        return MedianOf(times);
    }

    /// <summary>As <see cref="MedianAfter"/> for work on a frame itself (the camera image), not on a tensor.</summary>
    private static double MedianOfFrames<TInput, T>(IReadOnlyList<Frame> frames, Func<Frame, TInput> prepare, Func<TInput, T> work,
        CancellationToken cancellationToken) where TInput : IDisposable
    {
        var times = new List<double>(frames.Count);
        for (var i = -WarmUp; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var input = prepare(frames[Math.Max(i, 0)]);
            var stopwatch = Stopwatch.StartNew();
            GC.KeepAlive(work(input));
            stopwatch.Stop();
            if (i >= 0)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }
        return MedianOf(times);
    }

    private static double MedianOf(List<double> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
