using System.Text;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.Contract.Figures;
using Platform.Experiments.ServingThroughput;
using Platform.Experiments.ServingThroughput.Simulation;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.ServingThroughput;

[Collection(LibTorchCollection.Name)]
public sealed class ServingThroughputExperimentTests
{
    private static async Task<(RunSummary Summary, RecordingRunContext Context)> RunAsync(ServingThroughputParameters parameters, CancellationToken? token = null)
    {
        var context = new RecordingRunContext { Threads = 2 };
        IExperiment experiment = new ServingThroughputExperiment();
        var summary = await experiment.RunAsync(parameters, context, token ?? TestContext.Current.CancellationToken);
        return (summary, context);
    }

    [Fact]
    public async Task The_headline_simulation_reports_the_optimum_engines_gantts_and_utilisation()
    {
        var (summary, context) = await RunAsync(new ServingThroughputParameters { SearchCandidates = 40, PaperComparison = false });

        Assert.Equal(1857, summary.Metrics["optimal_tokens_per_s_per_gpu"], 6);
        Assert.Equal(ClaimBasis.Calibrated, summary.Claims[0].Basis);
        Assert.Null(summary.Claims[0].Verdict);
        Assert.Equal(1857, summary.Claims[0].PaperValue);
        foreach (var engine in new[] { "sequential", "nanobatch-only", "nanoflow-fixed", "nanoflow-search" })
        {
            Assert.InRange(summary.Metrics[$"share_of_optimum.{engine}"], 0.3, 1.0);
            var gantt = FigureArtifacts.ReadGantt(context.Artifacts[$"gantt-{engine}{FigureArtifacts.GanttSuffix}"]);
            Assert.NotEmpty(gantt!.Bars);
            Assert.NotEmpty(context.Series($"utilisation-{engine}/compute"));
        }

        Assert.True(summary.Metrics["gain_over_sequential.nanoflow-search"] >= 1);
        Assert.NotEmpty(context.Series("search/best-tokens-per-s"));
        Assert.Equal(15, context.Points.Count(p => p.Key.StartsWith("sweep-share/", StringComparison.Ordinal)));
        Assert.Equal(1.0, context.Progress[^1].Fraction);
    }

    [Fact]
    public async Task The_cost_model_mode_sweeps_the_batch_and_tables_every_model()
    {
        var (summary, context) = await RunAsync(new ServingThroughputParameters { Mode = ServingMode.CostModel, Workload = "sharegpt", DenseBatch = 0 });

        Assert.Equal(6, summary.Tables[1].Rows.Count);
        Assert.Equal("compute", summary.Tables[0].Rows[0][5]);
        var compute = context.Series("resource-ms/compute");
        Assert.True(compute.Count > 3);
        Assert.True(compute[^1].Value > compute[0].Value);
    }

    [Fact]
    public async Task A_tiny_cpu_run_measures_every_schedule_with_intervals()
    {
        var (summary, context) = await RunAsync(new ServingThroughputParameters
        {
            Mode = ServingMode.CpuReal, CpuModelDim = 32, CpuLayers = 2, CpuHeads = 4, CpuKvHeads = 2, CpuFfn = 48,
            TokenBudget = 16, Requests = 6, CpuPromptTokens = 8, CpuOutputTokens = 4, Repetitions = 2, Threads = 2,
        });

        foreach (var schedule in new[] { "sequential", "nanobatch-only", "nano-overlap" })
        {
            Assert.True(summary.Metrics[$"cpu_tokens_per_s.{schedule}"] > 0);
            Assert.Equal(2, context.Series($"cpu-tokens-per-s/{schedule}").Count);
        }

        Assert.Equal(1, summary.Metrics["cpu_schedules_agree"]);
        Assert.NotNull(summary.Tables[0].Rows[0][2]);
        Assert.NotEmpty(context.Series("cpu-op-ms/kqv"));
        Assert.NotEmpty(context.Series("cpu-gemm/gflops"));
        Assert.Equal(2, summary.Claims.Count);
    }

    [Fact]
    public async Task Cancelling_stops_the_simulation_between_engines()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext { OnLog = _ => cancellation.Cancel() };
        IExperiment experiment = new ServingThroughputExperiment();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => experiment.RunAsync(new ServingThroughputParameters(), context, cancellation.Token));

        Assert.Empty(context.Artifacts);
    }

    [Fact]
    public void Defaults_and_presets_are_valid_and_broken_combinations_name_their_field()
    {
        Assert.Empty(new ServingThroughputParameters().Validate());
        Assert.All(new ServingThroughputExperiment().Presets, preset => Assert.Empty(((ServingThroughputParameters)preset.Parameters).Validate()));

        Assert.Contains(new ServingThroughputParameters { CpuKvHeads = 3 }.Validate(), e => e.Field == "cpuKvHeads");
        Assert.Contains(new ServingThroughputParameters { Model = "custom", CustomKvHeads = 2 }.Validate(), e => e.Field == "tensorParallel");
        Assert.Contains(new ServingThroughputParameters { GemvShare = 0.9, NetShare = 0.2 }.Validate(), e => e.Field == "netShare");
        Assert.Contains(new ServingThroughputParameters { Workload = "upload", TraceCsv = "nope" }.Validate(), e => e.Field == "traceCsv");
        Assert.Contains(new ServingThroughputParameters { Engines = [EngineKind.Sequential, EngineKind.Sequential] }.Validate(), e => e.Field == "engines");
        Assert.Contains(new ServingThroughputParameters { CpuPromptTokens = 400, CpuOutputTokens = 200 }.Validate(), e => e.Field == "cpuOutputTokens");
    }

    [Fact]
    public void An_uploaded_trace_becomes_the_workload()
    {
        var csv = new StringBuilder("ContextTokens,GeneratedTokens\n").Append("1000,200\n").Append("500,100\n").ToString();
        var parameters = new ServingThroughputParameters { Workload = "upload", TraceCsv = csv };

        Assert.Empty(parameters.Validate());
        Assert.Equal((750, 150), (parameters.ResolveWorkload().MeanPrompt, parameters.ResolveWorkload().MeanOutput));
    }
}
