namespace Platform.Core.Metrics;

/// <summary>
/// Reduces a series to at most <c>maxPoints</c> while keeping its shape: the series is cut into buckets and
/// each bucket keeps its first, minimum and maximum points (in step order), so spikes never disappear.
/// </summary>
/// <remarks>
/// Points are taken one at a time and only the current bucket's three candidates are held, so a series read from the
/// database is downsampled as it streams: memory follows <c>maxPoints</c>, not the series' length.
/// </remarks>
public sealed class Downsampler
{
    private readonly long _count;
    private readonly int _bucketCount;
    private readonly List<double[]> _result;
    private long _index;
    private int _bucket;
    private bool _open;
    private long _bucketEnd;
    private (long Index, long Step, double Value) _first, _min, _max;

    /// <param name="count">How many points will be added; more are folded into the last bucket.</param>
    public Downsampler(long count, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 3);
        _count = count;
        _bucketCount = count <= maxPoints ? 0 : maxPoints / 3;
        _result = new List<double[]>((int)Math.Min(count, maxPoints));
        _bucketEnd = _bucketCount == 0 ? long.MaxValue : End(0);
    }

    public static IReadOnlyList<double[]> Downsample(IReadOnlyList<(long Step, double Value)> points, int maxPoints)
    {
        var downsampler = new Downsampler(points.Count, maxPoints);
        foreach (var (step, value) in points)
        {
            downsampler.Add(step, value);
        }

        return downsampler.Finish();
    }

    public void Add(long step, double value)
    {
        if (_bucketCount == 0)
        {
            _result.Add([step, value]);
            return;
        }

        var point = (_index, step, value);
        if (_open && _index >= _bucketEnd && _bucket < _bucketCount - 1)
        {
            Flush();
            _bucket++;
            _bucketEnd = _bucket == _bucketCount - 1 ? long.MaxValue : End(_bucket);
        }

        if (!_open)
        {
            _first = _min = _max = point;
            _open = true;
        }
        // NaN compares false with everything: never let one stand in for a bucket's extremes.
        else if (!double.IsNaN(value))
        {
            if (double.IsNaN(_min.Value) || value < _min.Value) _min = point;
            if (double.IsNaN(_max.Value) || value > _max.Value) _max = point;
        }

        _index++;
    }

    public IReadOnlyList<double[]> Finish()
    {
        if (_open)
        {
            Flush();
        }

        return _result;
    }

    private long End(int bucket) => _count * (bucket + 1) / _bucketCount;

    private void Flush()
    {
        _open = false;
        foreach (var point in new[] { _first, _min, _max }.DistinctBy(p => p.Index).OrderBy(p => p.Index))
        {
            _result.Add([point.Step, point.Value]);
        }
    }
}
