namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// Splits an iteration's segments into two nano-batches at the segment boundary nearest half of the tokens. A request
/// never spans both, so the two never touch the same KV cache and may run concurrently.
/// </summary>
public static class NanoBatchSplit
{
    public static (IReadOnlyList<Segment> First, IReadOnlyList<Segment> Second) Halve(IReadOnlyList<Segment> segments)
    {
        var total = segments.Sum(s => s.Tokens.Length);
        var best = 1;
        var bestGap = int.MaxValue;
        var running = 0;
        for (var cut = 1; cut < segments.Count; cut++)
        {
            running += segments[cut - 1].Tokens.Length;
            var gap = Math.Abs(total - 2 * running);
            if (gap < bestGap)
            {
                (best, bestGap) = (cut, gap);
            }
        }

        return segments.Count < 2 ? (segments, []) : ([.. segments.Take(best)], [.. segments.Skip(best)]);
    }
}
