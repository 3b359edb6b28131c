using Platform.Experiments.EdgeOffload.Simulation;

namespace Platform.UnitTests.EdgeOffload;

public sealed class DelayMonotonicityTests
{
    private static readonly double[] s_rates = [0.01, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 100, 1000];

    [Theory]
    [InlineData(Strategy.Local)]
    [InlineData(Strategy.Edge)]
    [InlineData(Strategy.Split)]
    [InlineData(Strategy.SplitFiltered)]
    [InlineData(Strategy.NaiveSplit)]
    public void End_to_end_delay_never_grows_as_the_channel_rate_rises(Strategy strategy)
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var times = new ComputeTimes(Next(random), Next(random), Next(random), Next(random), Next(random), Next(random),
                Next(random), Next(random), Next(random));
            var link = new LinkModel(0.5 + (0.5 * random.NextDouble()), 0.02 * random.NextDouble());
            FramePayload[] frames = [.. Enumerable.Range(0, 8).Select(_ =>
                new FramePayload(random.Next(1, 100_000), random.Next(1, 20_000), random.Next(1, 300_000), random.NextDouble() < 0.4))];

            var perFrame = frames.Select(f => s_rates.Select(rate => DelayModel.Seconds(strategy, times, link, f, rate)).ToList());
            var means = s_rates.Select(rate => StreamDelays.Simulate(strategy, times, link, frames, new FixedRateChannel(rate)).MeanMs).ToList();

            Assert.All(perFrame, delays => AssertNonIncreasing(delays, strategy));
            AssertNonIncreasing(means, strategy);
        }
    }

    [Fact]
    public void Offloading_strategies_get_strictly_faster_with_rate_and_local_computing_does_not_move()
    {
        var times = new ComputeTimes(0.04, 0.005, 0.002, 0.004, 0.006, 0.001, 0.001, 0.012, 0.001);
        var frame = new FramePayload(5000, 1000, 40000, Dropped: false);

        foreach (var strategy in new[] { Strategy.Edge, Strategy.Split, Strategy.SplitFiltered, Strategy.NaiveSplit })
        {
            Assert.True(DelayModel.Seconds(strategy, times, LinkModel.PaperCode, frame, 2) < DelayModel.Seconds(strategy, times, LinkModel.PaperCode, frame, 1), strategy.ToString());
        }
        Assert.Equal(DelayModel.Seconds(Strategy.Local, times, LinkModel.PaperCode, frame, 1), DelayModel.Seconds(Strategy.Local, times, LinkModel.PaperCode, frame, 100));
    }

    private static double Next(Random random) => 0.1 * random.NextDouble();

    private static void AssertNonIncreasing(IReadOnlyList<double> delays, Strategy strategy)
    {
        for (var i = 1; i < delays.Count; i++)
        {
            Assert.True(delays[i] <= delays[i - 1], $"{strategy}: {delays[i]} s at {s_rates[i]} Mbps after {delays[i - 1]} s at {s_rates[i - 1]} Mbps");
        }
    }
}
