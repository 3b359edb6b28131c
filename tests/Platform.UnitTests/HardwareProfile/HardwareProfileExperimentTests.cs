using Platform.Experiments.Contract;
using Platform.Experiments.HardwareProfile;
using Platform.Experiments.HardwareProfile.Reporting;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.HardwareProfile;

[Collection(LibTorchCollection.Name)]
public sealed class HardwareProfileExperimentTests
{
    private static readonly int[] s_sizes = [16, 48, 96];

    private static HardwareProfileParameters Tiny() => new()
    {
        MatrixSizes = [.. s_sizes],
        Repeats = 2,
        CopyBufferMiB = 1,
        TrainBatchSize = 64,
        TrainHiddenWidth = 32,
        TrainSteps = 40,
        Threads = 1,
    };

    private static async Task<(RunSummary Summary, RecordingRunContext Context)> RunAsync(
        HardwareProfileParameters parameters, RecordingRunContext? context = null)
    {
        context ??= new RecordingRunContext();
        IExperiment experiment = new HardwareProfileExperiment();
        var summary = await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);
        return (summary, context);
    }

    [Fact]
    public async Task Logs_one_matmul_point_per_configured_size()
    {
        var (_, context) = await RunAsync(Tiny());

        var steps = context.Series(HardwareProfileMetrics.MatmulGflops).Select(point => point.Step);
        Assert.Equal(s_sizes.Select(size => (long)size), steps);
    }

    [Fact]
    public async Task Logs_a_copy_point_per_repeat_and_a_step_time_per_training_step()
    {
        var parameters = Tiny();
        var (_, context) = await RunAsync(parameters);

        Assert.Equal(Enumerable.Range(0, parameters.Repeats).Select(i => (long)i),
            context.Series(HardwareProfileMetrics.CopyGbps).Select(point => point.Step));
        Assert.Equal(Enumerable.Range(0, parameters.TrainSteps).Select(i => (long)i),
            context.Series(HardwareProfileMetrics.TrainStepMs).Select(point => point.Step));
    }

    [Fact]
    public async Task Every_logged_value_is_finite_and_positive()
    {
        var (_, context) = await RunAsync(Tiny());

        Assert.NotEmpty(context.Points);
        Assert.All(context.Points, point => Assert.True(double.IsFinite(point.Value) && point.Value > 0, $"{point}"));
    }

    [Fact]
    public async Task Summary_peaks_are_the_extremes_of_the_logged_points()
    {
        var (summary, context) = await RunAsync(Tiny());

        Assert.Equal(context.Series(HardwareProfileMetrics.MatmulGflops).Max(point => point.Value),
            summary.Metrics[HardwareProfileMetrics.PeakMatmulGflops]);
        Assert.Equal(context.Series(HardwareProfileMetrics.CopyGbps).Max(point => point.Value),
            summary.Metrics[HardwareProfileMetrics.PeakCopyGbps]);
        Assert.Equal(context.Series(HardwareProfileMetrics.TrainStepMs).Min(point => point.Value),
            summary.Metrics[HardwareProfileMetrics.MinTrainStepMs]);
        Assert.Equal(1, summary.Metrics[HardwareProfileMetrics.Threads]);
        Assert.Empty(summary.Claims);
    }

    [Fact]
    public async Task Training_steps_lower_the_loss()
    {
        var (_, context) = await RunAsync(Tiny());

        var losses = context.Series(HardwareProfileMetrics.TrainStepLoss).Select(point => point.Value).ToList();
        Assert.True(losses[^1] < 0.9 * losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public async Task Progress_rises_to_one()
    {
        var (_, context) = await RunAsync(Tiny());

        var fractions = context.Progress.Select(report => report.Fraction).ToList();
        Assert.Equal(fractions.Order(), fractions);
        Assert.Equal(1.0, fractions[^1], precision: 9);
    }

    [Fact]
    public async Task Zero_threads_takes_the_share_the_worker_grants()
    {
        var parameters = Tiny();
        parameters.Threads = 0;

        var (summary, _) = await RunAsync(parameters, new RecordingRunContext { Threads = 1 });

        Assert.Equal(1, summary.Metrics[HardwareProfileMetrics.Threads]);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_between_measurements()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext { OnLog = _ => cancellation.Cancel() };
        IExperiment experiment = new HardwareProfileExperiment();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => experiment.RunAsync(Tiny(), context, cancellation.Token));

        Assert.Single(context.Points);
        Assert.Empty(context.Series(HardwareProfileMetrics.CopyGbps));
    }

    [Fact]
    public void Defaults_are_valid_and_a_repeated_size_is_not()
    {
        Assert.Empty(new HardwareProfileParameters().Validate());

        var repeated = new HardwareProfileParameters { MatrixSizes = [128, 256, 128] };
        Assert.Equal("matrixSizes", Assert.Single(repeated.Validate()).Field);
    }
}
