using Platform.Experiments.CommOverlap.Simulation;

namespace Platform.UnitTests.CommOverlap;

public sealed class RingCollectiveTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void Reduce_scatter_takes_n_minus_one_steps_and_sends_n_minus_one_nths_of_the_message(int devices)
    {
        const double message = 8192.0 * 4256 * 2;

        Assert.Equal(devices - 1, RingCollective.ReduceScatterSteps(devices));
        Assert.Equal(devices - 1, RingCollective.AllGatherSteps(devices));
        Assert.Equal((devices - 1) * (message / devices), RingCollective.ReduceScatterBytesPerDevice(message, devices), 6);
        Assert.Equal(RingCollective.ReduceScatterSteps(devices) * (message / devices), RingCollective.ReduceScatterBytesPerDevice(message, devices), 6);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public void Each_device_sends_on_at_the_next_step_the_chunk_it_received(int devices)
    {
        for (var device = 0; device < devices; device++)
        {
            var predecessor = (device - 1 + devices) % devices;
            for (var step = 1; step < devices - 1; step++)
            {
                Assert.Equal(RingCollective.ChunkSentAt(predecessor, step, devices), RingCollective.ChunkSentAt(device, step + 1, devices));
            }
        }
    }

    [Fact]
    public void Production_order_is_staggered_and_ends_with_the_owned_chunk()
    {
        Assert.Equal([2, 1, 0, 3], RingCollective.ProductionOrder(3, 4));
        Assert.Equal([3, 2, 1, 0], RingCollective.ProductionOrder(0, 4));
        for (var device = 0; device < 8; device++)
        {
            var order = RingCollective.ProductionOrder(device, 8);
            Assert.Equal(8, order.Distinct().Count());
            Assert.Equal(device, order[^1]);
        }
    }

    [Fact]
    public void Cell_shape_matches_the_tensor_parallel_formulas()
    {
        var shape = new CellShape(Hidden: 4096, Tp: 8, Tokens: 2048, InnerFactor: 4, DtypeBytes: 2);

        Assert.Equal(2048.0, shape.Inner);
        Assert.Equal(2.0 * 2048 * 4096 * 2048, shape.Flops);
        Assert.Equal(2048.0 * 4096 * 2, shape.MessageBytes);
        Assert.Equal(shape.MessageBytes / 8, shape.ChunkBytes);
    }
}
