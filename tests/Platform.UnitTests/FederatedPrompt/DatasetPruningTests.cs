using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.UnitTests.Support;
using TorchSharp;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class DatasetPruningTests
{
    [Fact]
    public void El2n_is_zero_for_a_confident_correct_prediction_and_largest_for_a_confident_wrong_one()
    {
        using var logits = torch.tensor(new float[] { 20, 0, 0, 0, 20, 0, 0, 0, 0 }, [3, 3]);
        using var labels = torch.tensor(new long[] { 0, 0, 2 });

        var scores = DatasetPruning.El2n(logits, labels);

        Assert.Equal(0, scores[0], 3);
        Assert.Equal(Math.Sqrt(2), scores[1], 3);
        Assert.Equal(Math.Sqrt(2.0 / 3.0), scores[2], 3);
    }

    [Fact]
    public void Pruning_keeps_exactly_the_highest_scoring_fraction()
    {
        // 37 distinct scores 0.00 .. 0.36 in shuffled order; keeping 0.3 of 37 (11.1) keeps 12: the scores 0.25 .. 0.36.
        var shuffle = new Random(4);
        var scores = Enumerable.Range(0, 37).Select(i => i * 0.01f).OrderBy(_ => shuffle.Next()).ToArray();

        var kept = DatasetPruning.Select(scores, 0.3, PruneSelector.El2nHard, new SeededRandom(1));

        Assert.Equal(12, kept.Distinct().Count());
        Assert.Equal(Enumerable.Range(25, 12).Select(i => i * 0.01f), kept.Select(i => scores[i]).Order());
    }

    [Fact]
    public void El2n_selection_keeps_the_hardest_samples()
    {
        float[] scores = [0.1f, 0.9f, 0.5f, 0.7f, 0.2f, 1.3f];

        var kept = DatasetPruning.Select(scores, 0.5, PruneSelector.El2nHard, new SeededRandom(1));

        Assert.Equal([1, 3, 5], kept);
    }

    [Theory]
    [InlineData(120, 0.5, 60)]
    [InlineData(7, 0.5, 4)]
    [InlineData(10, 0.01, 1)]
    [InlineData(10, 1.0, 10)]
    public void Keeps_the_ceiling_of_ratio_times_samples(int samples, double ratio, int expected) =>
        Assert.Equal(expected, DatasetPruning.KeptCount(samples, ratio));

    [Fact]
    public void Random_selection_keeps_the_right_count_of_distinct_samples()
    {
        var kept = DatasetPruning.Select(new float[50], 0.3, PruneSelector.Random, new SeededRandom(2));

        Assert.Equal(15, kept.Distinct().Count());
        Assert.All(kept, i => Assert.InRange(i, 0, 49));
    }
}
