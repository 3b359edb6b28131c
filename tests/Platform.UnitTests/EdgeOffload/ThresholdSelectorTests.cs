using Platform.Experiments.EdgeOffload.Training;

namespace Platform.UnitTests.EdgeOffload;

public sealed class ThresholdSelectorTests
{
    private static readonly double[] s_probabilities = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05, 0.5];
    private static readonly bool[] s_hasObject = [true, true, true, true, true, false, false, false, false, false];

    [Theory]
    [InlineData(1.0, 0.4)]
    [InlineData(0.8, 0.6)]
    [InlineData(0.79, 0.6)]
    [InlineData(0.6, 0.7)]
    public void The_threshold_is_the_largest_that_keeps_the_minimum_recall(double minimumRecall, double expected)
    {
        var threshold = ThresholdSelector.ForMinimumRecall(s_probabilities, s_hasObject, minimumRecall);

        Assert.Equal(expected, threshold, 9);
        var kept = s_probabilities.Where((p, i) => s_hasObject[i] && p >= threshold).Count();
        Assert.True(kept / 5.0 >= minimumRecall);
    }

    [Fact]
    public void Roc_auc_counts_ordered_pairs_and_half_ties()
    {
        // Positives {0.9..0.4}; negatives {0.5, 0.3, ...}: only 0.4 < 0.5 is misordered: 24 of 25 pairs.
        Assert.Equal(24.0 / 25, ThresholdSelector.RocAuc(s_probabilities, s_hasObject), 9);
        Assert.Equal(0.5, ThresholdSelector.RocAuc([0.5, 0.5], [true, false]), 9);
        Assert.True(double.IsNaN(ThresholdSelector.RocAuc([0.5], [true])));
    }
}
