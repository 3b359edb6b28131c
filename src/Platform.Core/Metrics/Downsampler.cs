namespace Platform.Core.Metrics;

/// <summary>
/// Reduces a series to at most <c>maxPoints</c> while keeping its shape: the series is cut into buckets and
/// each bucket keeps its first, minimum and maximum points (in step order), so spikes never disappear.
/// </summary>
public static class Downsampler
{
    public static IReadOnlyList<double[]> Downsample(IReadOnlyList<(long Step, double Value)> points, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 3);
        if (points.Count <= maxPoints)
        {
            return points.Select(p => new[] { (double)p.Step, p.Value }).ToList();
        }

        var bucketCount = maxPoints / 3;
        var result = new List<double[]>(bucketCount * 3);
        for (var b = 0; b < bucketCount; b++)
        {
            var start = (int)((long)points.Count * b / bucketCount);
            var end = (int)((long)points.Count * (b + 1) / bucketCount);
            int min = start, max = start;
            for (var i = start + 1; i < end; i++)
            {
                // NaN compares false with everything: never let one stand in for a bucket's extremes.
                if (double.IsNaN(points[i].Value)) continue;
                if (double.IsNaN(points[min].Value) || points[i].Value < points[min].Value) min = i;
                if (double.IsNaN(points[max].Value) || points[i].Value > points[max].Value) max = i;
            }

            foreach (var index in new SortedSet<int> { start, min, max })
            {
                result.Add([points[index].Step, points[index].Value]);
            }
        }

        return result;
    }
}
