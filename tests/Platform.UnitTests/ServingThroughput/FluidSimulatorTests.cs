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
}
