using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.UnitTests.ServingThroughput;

/// <summary>A GEMM of 10 µs and a decode attention of 6 µs, whose makespans are known by hand.</summary>
public sealed class FluidSimulatorTests
{
    private static NanoOp Gemm(int stream) => new(0, "gemm", 0, 0, OpClass.Gemm, stream, [], 10, 1, 1, 0, 0);

    private static NanoOp Gemv(int stream, double share) => new(1, "gemv", 0, 0, OpClass.DecodeAttention, stream, [], 6, share, 0, 1, 0);

    [Fact]
    public void One_stream_runs_the_ops_back_to_back()
    {
        var trace = FluidSimulator.Run([Gemm(0), Gemv(0, 1)], new InterferenceCurves());

        Assert.Equal(16, trace.Makespan, 9);
        Assert.Equal((10.0, 16.0), (trace.Start[1], trace.End[1]));
    }

    [Fact]
    public void Ops_on_separate_units_that_do_not_interfere_overlap_fully()
    {
        // GEMM exponent 0: the GEMM runs at full speed on any share; decode attention saturates at its 0.5 share.
        var curves = new InterferenceCurves(GemmExponent: 0, GemvSaturation: 0.5);

        var trace = FluidSimulator.Run([Gemm(0), Gemv(1, 0.5)], curves);

        Assert.Equal(10, trace.Makespan, 9);
        Assert.Equal(6, trace.End[1], 9);
    }

    [Fact]
    public void Ops_sharing_the_sms_slow_each_other_until_one_finishes()
    {
        // Linear curves, half the SMs each: the GEMV needs 6 / 0.5 = 12 µs, in which the GEMM does 12 x 0.05 = 0.6 of its
        // work; the remaining 0.4 then runs at full speed in 4 µs.
        var curves = new InterferenceCurves(GemmExponent: 1, GemvSaturation: 1, GemvExponent: 1);

        var trace = FluidSimulator.Run([Gemm(0), Gemv(1, 0.5)], curves);

        Assert.Equal(12, trace.End[1], 9);
        Assert.Equal(16, trace.End[0], 9);
        Assert.Equal(0.5, trace.Segments[0].Compute, 9);
        Assert.Equal(1, trace.Segments[^1].Compute, 9);
    }

    [Fact]
    public void A_dependency_across_streams_is_waited_for()
    {
        var dependent = Gemv(1, 0.5) with { Deps = [0] };

        var trace = FluidSimulator.Run([Gemm(0), dependent], new InterferenceCurves(GemvSaturation: 0.5));

        Assert.Equal(10, trace.Start[1], 9);
        Assert.Equal(16, trace.Makespan, 9);
    }

    [Fact]
    public void A_dependency_cycle_is_reported_not_looped_on()
    {
        var first = Gemm(0) with { Deps = [1] };
        var second = Gemv(1, 0.5) with { Deps = [0] };

        Assert.Throws<InvalidOperationException>(() => FluidSimulator.Run([first, second], new InterferenceCurves()));
    }

    [Fact]
    public void Memory_bound_ops_running_together_split_the_hbm_and_finish_no_sooner_than_one_after_another()
    {
        // Two 6 µs streams that each draw 0.8 of peak HBM, which is all there is: together each gets 0.4, so both take 12 µs,
        // exactly as long as one after the other. Without contention they would wrongly both finish at 6 µs.
        // Each holds half the SMs, at which decode attention already streams at full speed (saturation share 0.5).
        var first = new NanoOp(0, "attn.1", 0, 0, OpClass.DecodeAttention, 1, [], 6, 0.5, 0, 0.8, 0);
        var second = new NanoOp(1, "attn.2", 0, 1, OpClass.DecodeAttention, 2, [], 6, 0.5, 0, 0.8, 0);

        var shared = FluidSimulator.Run([first, second], new InterferenceCurves(), hbmCapacity: 0.8);
        var unlimited = FluidSimulator.Run([first, second], new InterferenceCurves());

        Assert.Equal(12, shared.Makespan, 9);
        Assert.Equal(0.8, shared.Segments[0].Memory, 9);
        Assert.Equal(6, unlimited.Makespan, 9);
    }

    [Fact]
    public void Bandwidth_is_split_max_min_fair_and_conserved()
    {
        // 0.1 fits in an equal share and is granted whole; the other two split the remaining 0.7 equally.
        var grants = BandwidthShare.MaxMinFair([0.1, 0.8, 0.6], 0.8);

        Assert.Equal([0.1, 0.35, 0.35], grants.Select(g => Math.Round(g, 12)));
        Assert.Equal([0.2, 0.3], BandwidthShare.MaxMinFair([0.2, 0.3], 0.8));
    }
}
