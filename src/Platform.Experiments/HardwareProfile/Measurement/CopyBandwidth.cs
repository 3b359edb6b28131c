using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.HardwareProfile.Measurement;

/// <summary>Memory bandwidth as seen by tensor code: one buffer copied into another of the same size.</summary>
internal sealed class CopyBandwidth : IDisposable
{
    // Small buffers are copied several times per repeat so each timed interval is long enough to measure.
    private const long MinBytesPerRepeat = 256L * 1024 * 1024;

    private readonly Tensor _source;
    private readonly Tensor _target;
    private readonly long _bufferBytes;
    private readonly int _copiesPerRepeat;

    public CopyBandwidth(int mebibytes)
    {
        _bufferBytes = mebibytes * 1024L * 1024;
        var elements = _bufferBytes / sizeof(float);
        _source = torch.rand(elements);
        _target = torch.empty(elements);
        _copiesPerRepeat = (int)Math.Max(1, MinBytesPerRepeat / _bufferBytes);

        // Touches every page of the target once, so the timed copies measure bandwidth, not page faults.
        _target.copy_(_source);
    }

    /// <summary>
    /// GB/s (10^9 bytes) counting both the bytes read and the bytes written, the convention of STREAM's "copy";
    /// halve it to compare with tools that count only the buffer size.
    /// </summary>
    public double MeasureGbps()
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < _copiesPerRepeat; i++)
        {
            _target.copy_(_source);
        }
        stopwatch.Stop();
        return 2.0 * _bufferBytes * _copiesPerRepeat / stopwatch.Elapsed.TotalSeconds / 1e9;
    }

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }
}
