namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Picks the neural filter's operating point as the paper's code does with <c>--min_recall</c>: the largest
/// threshold whose recall on labelled frames is at least the minimum. A frame is dropped when p(object) &lt; threshold.
/// </summary>
public static class ThresholdSelector
{
    public static double ForMinimumRecall(IReadOnlyList<double> probabilities, IReadOnlyList<bool> hasObject, double minimumRecall)
    {
        var positives = probabilities.Where((_, i) => hasObject[i]).Order().ToList();
        if (positives.Count == 0)
        {
            return 0;
        }
        // Dropping the m lowest positives keeps recall (n - m) / n >= target; the threshold is the (m+1)-th lowest.
        var misses = (int)Math.Floor((1 - minimumRecall) * positives.Count + 1e-9);
        return positives[Math.Min(misses, positives.Count - 1)];
    }

    /// <summary>ROC-AUC as the probability that a random positive scores above a random negative (ties count half).</summary>
    public static double RocAuc(IReadOnlyList<double> probabilities, IReadOnlyList<bool> hasObject)
    {
        var positives = probabilities.Where((_, i) => hasObject[i]).ToList();
        var negatives = probabilities.Where((_, i) => !hasObject[i]).Order().ToArray();
        if (positives.Count == 0 || negatives.Length == 0)
        {
            return double.NaN;
        }
        var wins = 0.0;
        foreach (var p in positives)
        {
            var below = LowerBound(negatives, p);
            var tiesEnd = LowerBound(negatives, Math.BitIncrement(p));
            wins += below + (0.5 * (tiesEnd - below));
        }
        return wins / ((double)positives.Count * negatives.Length);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
