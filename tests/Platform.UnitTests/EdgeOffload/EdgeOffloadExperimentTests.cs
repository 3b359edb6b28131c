using System.Text.Json;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.EdgeOffload;
using Platform.Experiments.EdgeOffload.Reporting;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.EdgeOffload;

[Collection(LibTorchCollection.Name)]
public sealed class EdgeOffloadExperimentTests
{
    private static readonly double[] s_rates = [0.1, 1, 10];

    // One tiny run serves the tests that only read what it reported.
    private static readonly Lazy<Task<(RecordingRunContext Context, RunSummary Summary)>> s_tinyRun = new(async () =>
    {
        var context = new RecordingRunContext();
        var summary = await ((IExperiment)new EdgeOffloadExperiment()).RunAsync(Tiny(), context, CancellationToken.None);
        return (context, summary);
    });

    /// <summary>The headline's methods, bottleneck and code width on tiny frames, data and epochs.</summary>
    internal static EdgeOffloadParameters Tiny() => new()
    {
        ImageSize = 32,
        TeacherFrames = 64,
        TeacherEpochs = 1,
        CacheTeacher = false,
        DistillFrames = 32,
        DistillEpochs = 1,
        FilterFrames = 32,
        FilterEpochs = 1,
        ValidationFrames = 24,
        StreamFrames = 24,
        TimingFrames = 3,
        RatesMbps = [.. s_rates],
        Threads = 1,
    };

    [Fact]
    public async Task A_tiny_run_logs_every_phase_and_reports_claims_and_tables()
    {
        var (context, summary) = await s_tinyRun.Value;

        Assert.Single(context.Series(EdgeOffloadMetrics.TeacherLoss));
        Assert.Single(context.Series("distill-loss/hnd"));
        Assert.Single(context.Series("distill-loss/ghnd"));
        Assert.Equal([100L, 1000L, 10000L], context.Series("delay-ms/sc").Select(p => p.Step));
        Assert.Equal(24, context.Series("bytes/ec").Count);
        Assert.Equal(24, context.Series("ge-delay-ms/lc").Count);
        Assert.Single(context.Series("stream-ap/sc"));
        Assert.All(context.Points, p => Assert.True(double.IsFinite(p.Value), p.ToString()));
        Assert.InRange(summary.Metrics[EdgeOffloadMetrics.TeacherAp], 0, 1);
        Assert.Equal(7, summary.Claims.Count);
        Assert.Equal(8, summary.Tables.Count);
        Assert.Equal(1.0, context.Progress[^1].Fraction, precision: 9);
        Assert.Equal(context.Progress.Select(p => p.Fraction).Order(), context.Progress.Select(p => p.Fraction));
        JsonSerializer.Serialize(summary);
    }

    [Fact]
    public async Task A_cheap_equivalent_of_the_headline_makes_exactly_the_predicted_claims_the_family_declares()
    {
        var (_, summary) = await s_tinyRun.Value;
        var evidence = new EdgeOffloadExperiment().Evidence;

        Assert.Equal(evidence.PredictedClaims, summary.Claims.Where(c => c.Basis == ClaimBasis.Predicted).Select(c => c.Claim));
        Assert.Empty(evidence.Calibrations);
        Assert.Empty(summary.Calibrations);
        Assert.All(summary.Claims, c =>
        {
            Assert.Equal(ClaimBasis.Predicted, c.Basis);
            Assert.Contains(c.Verdict, new ClaimVerdict?[] { ClaimVerdict.Supported, ClaimVerdict.Inconclusive, ClaimVerdict.Contradicted });
            Assert.NotNull(c.Band);
            Assert.True(c.Range!.Value.Contains(c.MeasuredValue!.Value), c.Claim);
            Assert.All(c.SensitiveTo, name => Assert.Contains(name, summary.Assumptions.Select(a => a.Name)));
        });
        Assert.Equal(["DeviceSlowdown", "DeviceJpegSlowdown", "ServerSpeedup", "LinkEfficiency", "LinkLatencyMs"], summary.Assumptions.Select(a => a.Name));
    }

    [Fact]
    public async Task Cancelling_stops_the_run_at_the_next_batch()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext { OnLog = _ => cancellation.Cancel() };
        IExperiment experiment = new EdgeOffloadExperiment();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => experiment.RunAsync(Tiny(), context, cancellation.Token));

        Assert.Single(context.Points);
    }

    [Fact]
    public void Defaults_are_valid_and_cross_field_rules_name_their_field()
    {
        Assert.Empty(new EdgeOffloadParameters().Validate());

        Assert.Equal("imageSize", Assert.Single(new EdgeOffloadParameters { ImageSize = 48 }.Validate()).Field);
        Assert.Equal("distillMethods", Assert.Single(new EdgeOffloadParameters { DistillMethods = ["ghnd", "ghnd"] }.Validate()).Field);
        Assert.Equal("badRateMbps", Assert.Single(new EdgeOffloadParameters { BadRateMbps = 9 }.Validate()).Field);
        Assert.Equal("timingFrames", Assert.Single(new EdgeOffloadParameters { StreamFrames = 20, TimingFrames = 30 }.Validate()).Field);
    }

    [Fact]
    public void The_headline_preset_exists_and_every_preset_is_valid()
    {
        var experiment = new EdgeOffloadExperiment();

        Assert.Contains(experiment.Presets, p => p.Name == ExperimentPreset.HeadlineName);
        Assert.All(experiment.Presets, p => Assert.Empty(((EdgeOffloadParameters)p.Parameters).Validate()));
    }
}
