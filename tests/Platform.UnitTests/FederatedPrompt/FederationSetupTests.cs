using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;

namespace Platform.UnitTests.FederatedPrompt;

public sealed class FederationSetupTests
{
    [Fact]
    public void Client_sampling_depends_only_on_seed_and_round()
    {
        var first = ClientSampler.Sample(seed: 8, round: 3, clients: 20, perRound: 5);

        Assert.Equal(first, ClientSampler.Sample(8, 3, 20, 5));
        Assert.Equal(5, first.Distinct().Count());
        Assert.NotEqual(first, ClientSampler.Sample(8, 4, 20, 5));
    }

    [Fact]
    public void Dirichlet_shares_sum_to_one_and_a_small_alpha_skews_them_more_than_a_large_one()
    {
        var skewed = LabelPartition.Draw(PartitionKind.Dirichlet, 30, 10, alpha: 0.1, seed: 2);
        var even = LabelPartition.Draw(PartitionKind.Dirichlet, 30, 10, alpha: 100, seed: 2);
        var iid = LabelPartition.Draw(PartitionKind.Iid, 3, 10, alpha: 0.1, seed: 2);

        Assert.All(skewed.Concat(even), shares => Assert.Equal(1, shares.Sum(), 9));
        Assert.True(skewed.Average(s => s.Max()) > 0.5);
        Assert.True(even.Average(s => s.Max()) < 0.2);
        Assert.All(iid, shares => Assert.All(shares, share => Assert.Equal(0.1, share, 12)));
    }
}
