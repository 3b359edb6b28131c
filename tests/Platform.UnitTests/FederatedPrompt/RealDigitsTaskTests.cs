using Platform.Experiments.FederatedPrompt.Data;

namespace Platform.UnitTests.FederatedPrompt;

public sealed class RealDigitsTaskTests
{
    [Fact]
    public void The_test_split_is_balanced_and_the_clients_draw_the_rest_without_replacement()
    {
        var task = RealDigitsTask.Load(seed: 5, testImages: 400);
        Assert.Equal(RealDigitsTask.PoolFor(400), task.PoolSize);
        using var test = task.Test(0);

        Assert.Equal(400, test.Count);
        Assert.All(test.ClassShares(10), share => Assert.Equal(0.1, share, precision: 9));
        Assert.Equal([3, 32, 32], test.Images.shape[1..]);

        using var client = task.Client(0, 100, Enumerable.Repeat(0.1, 10).ToArray());
        Assert.Equal(RealDigitsTask.PoolFor(400) - 100, task.PoolSize);
        Assert.Equal(100, client.Count);
    }

    [Fact]
    public void A_client_skewed_to_one_digit_gets_that_digit_until_the_pool_runs_out_of_it()
    {
        var task = RealDigitsTask.Load(seed: 5, testImages: 400);
        var onlyThrees = Enumerable.Range(0, 10).Select(c => c == 3 ? 1.0 : 0.0).ToArray();

        using var first = task.Client(0, 100, onlyThrees);
        using var second = task.Client(1, 100, onlyThrees);

        Assert.All(first.LabelArray, label => Assert.Equal(3, label));
        // 183 threes, 40 of them in the test split: 143 for the clients, so the second gets 43 and then other digits.
        Assert.Equal(43, second.LabelArray.Count(label => label == 3));
    }

    [Fact]
    public void Bootstrap_test_sets_resample_the_held_out_split_and_differ_by_seed()
    {
        var task = RealDigitsTask.Load(seed: 5, testImages: 200);
        using var split = task.Test(0);
        using var one = task.Test(1);
        using var two = task.Test(2);

        Assert.Equal(split.Count, one.Count);
        Assert.False(one.Images.allclose(two.Images));
    }
}
