using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.UnitTests.CommOverlap;

public sealed class DramArbiterTests
{
    [Theory]
    [InlineData(ArbitrationPolicy.FairShare)]
    [InlineData(ArbitrationPolicy.ComputePriority)]
    [InlineData(ArbitrationPolicy.CommPriority)]
    public void Demands_that_fit_are_granted_in_full(ArbitrationPolicy policy) =>
        Assert.Equal((300.0, 500.0), DramArbiter.Allocate(policy, 0.2, 300, 500, 1000));

    [Fact]
    public void Fair_share_halves_and_leaves_unused_share_to_the_other()
    {
        Assert.Equal((500.0, 500.0), DramArbiter.Allocate(ArbitrationPolicy.FairShare, 0, 900, 900, 1000));
        Assert.Equal((800.0, 200.0), DramArbiter.Allocate(ArbitrationPolicy.FairShare, 0, 900, 200, 1000));
    }

    [Fact]
    public void Compute_priority_keeps_the_floor_for_communication()
    {
        Assert.Equal((850.0, 150.0), DramArbiter.Allocate(ArbitrationPolicy.ComputePriority, 0.15, 1000, 600, 1000));
        Assert.Equal((800.0, 200.0), DramArbiter.Allocate(ArbitrationPolicy.ComputePriority, 0.15, 800, 600, 1000));
        Assert.Equal((150.0, 850.0), DramArbiter.Allocate(ArbitrationPolicy.CommPriority, 0.15, 1000, 1000, 1000));
    }
}
