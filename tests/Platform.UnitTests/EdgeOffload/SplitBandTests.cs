using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.UnitTests.EdgeOffload;

public sealed class SplitBandTests
{
    // Device: full model 40 ms, JPEG 5 ms, stem 4 ms, encoder 6 ms, filter 1 ms; server: full 2 ms, tail 1 ms.
    private static readonly ComputeTimes s_times = new(
        DeviceFull: 0.040, DeviceJpeg: 0.005, ServerFull: 0.002, DeviceStem: 0.004, DeviceEncoder: 0.006,
        DeviceFilter: 0.001, ServerTail: 0.001, DeviceNaiveHead: 0.012, ServerNaiveTail: 0.001);

    [Fact]
    public void Crossovers_follow_the_delay_model_on_hand_set_numbers()
    {
        // SC beats LC above 8 x 1000 B / (40 - 10 - 1) ms = 0.27586 Mbps; EC below 8 x (5000 - 1000) B / (10 + 1 - 2 - 5) ms = 8 Mbps.
        var band = SplitBand.From(s_times, LinkModel.PaperCode, meanJpegBytes: 5000, bottleneckBytes: 1000);

        Assert.Equal(8000.0 / 0.029 / 1e6, band.BeatsLocalAboveMbps, 9);
        Assert.Equal(8.0, band.BeatsEdgeBelowMbps, 9);
        Assert.True(band.Exists);
    }

    [Theory]
    [InlineData(0.2, Strategy.Local)]
    [InlineData(0.3, Strategy.Split)]
    [InlineData(7.9, Strategy.Split)]
    [InlineData(8.1, Strategy.Edge)]
    public void The_simulated_winner_switches_at_the_crossovers(double rateMbps, Strategy expected)
    {
        var frame = new FramePayload(JpegBytes: 5000, BottleneckBytes: 1000, NaiveBytes: 40000, Dropped: false);
        Strategy[] among = [Strategy.Local, Strategy.Edge, Strategy.Split];

        var winner = among.MinBy(s => DelayModel.Seconds(s, s_times, LinkModel.PaperCode, frame, rateMbps));

        Assert.Equal(expected, winner);
        Assert.Equal(expected == Strategy.Split, SplitBand.From(s_times, LinkModel.PaperCode, 5000, 1000).Contains(rateMbps));
    }

    [Fact]
    public void Link_latency_moves_only_the_local_crossover_and_efficiency_scales_both()
    {
        // Half the rate gets through and 5 ms is added per offload: SC beats LC above 8 x 1000 B / (0.5 x (40 - 10 - 1 - 5) ms),
        // EC below 8 x 4000 B / (0.5 x 4 ms) = 16 Mbps, twice the ideal link's 8 (both pay the latency, so it cancels there).
        var link = new LinkModel(Efficiency: 0.5, LatencySeconds: 0.005);

        var band = SplitBand.From(s_times, link, meanJpegBytes: 5000, bottleneckBytes: 1000);

        Assert.Equal(8000.0 / (0.5 * 0.024) / 1e6, band.BeatsLocalAboveMbps, 9);
        Assert.Equal(16.0, band.BeatsEdgeBelowMbps, 9);
        var frame = new FramePayload(5000, 1000, 40000, Dropped: false);
        Assert.True(DelayModel.Seconds(Strategy.Split, s_times, link, frame, 15.9) < DelayModel.Seconds(Strategy.Edge, s_times, link, frame, 15.9));
        Assert.True(DelayModel.Seconds(Strategy.Split, s_times, link, frame, 16.1) > DelayModel.Seconds(Strategy.Edge, s_times, link, frame, 16.1));
    }

    [Fact]
    public void When_the_bottleneck_is_not_smaller_than_the_jpeg_there_is_no_band()
    {
        var band = SplitBand.From(s_times, LinkModel.PaperCode, meanJpegBytes: 900, bottleneckBytes: 1000);

        Assert.Equal(0, band.BeatsEdgeBelowMbps);
        Assert.False(band.Exists);
    }

    [Fact]
    public void A_dropped_frame_costs_only_the_stem_and_the_filter_and_sends_nothing()
    {
        var dropped = new FramePayload(5000, 1000, 40000, Dropped: true);
        var passed = dropped with { Dropped = false };

        Assert.Equal(0.005, DelayModel.Seconds(Strategy.SplitFiltered, s_times, LinkModel.PaperCode, dropped, 1), 12);
        Assert.Equal(0, DelayModel.Bytes(Strategy.SplitFiltered, dropped));
        Assert.Equal(0.010 + 0.001 + 0.008 + 0.001, DelayModel.Seconds(Strategy.SplitFiltered, s_times, LinkModel.PaperCode, passed, 1), 12);
    }

    [Fact]
    public void A_gilbert_elliott_channel_with_no_transitions_stays_good_and_one_that_always_flips_alternates()
    {
        var stuck = new GilbertElliottChannel(8, 0.5, goodToBad: 0, badToGood: 1, seed: 1);
        var flipping = new GilbertElliottChannel(8, 0.5, goodToBad: 1, badToGood: 1, seed: 1);

        Assert.All(Enumerable.Range(0, 10).Select(_ => stuck.NextRateMbps()), rate => Assert.Equal(8, rate));
        Assert.Equal([8, 0.5, 8, 0.5], Enumerable.Range(0, 4).Select(_ => flipping.NextRateMbps()));
    }
}
