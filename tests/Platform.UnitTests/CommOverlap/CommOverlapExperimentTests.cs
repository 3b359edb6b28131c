using System.Text.Json;
using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.Contract.Figures;
using Platform.Experiments.Contract.Parameters;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.CommOverlap;

public sealed class CommOverlapExperimentTests
{
    private static CommOverlapParameters Tiny() => new()
    {
        Models = [TransformerModel.TNlg, TransformerModel.Palm],
        Sublayers = [Sublayer.Op, Sublayer.Fc2],
        TpDegrees = [4, 8],
        LargeModelTpDegrees = [16],
        Tokens = 2048,
        GanttSublayer = Sublayer.Fc2,
        AssumptionSamples = 0,
    };

    private static async Task<(RunSummary Summary, RecordingRunContext Context)> RunAsync(CommOverlapParameters parameters)
    {
        var context = new RecordingRunContext();
        IExperiment experiment = new CommOverlapExperiment();
        var summary = await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);
        return (summary, context);
    }

    [Fact]
    public async Task A_tiny_sweep_reports_claims_tables_a_timeline_and_live_series()
    {
        var (summary, context) = await RunAsync(Tiny());

        Assert.Equal(6, summary.Metrics[CommOverlapMetrics.Cells]);
        Assert.Equal(5, summary.Claims.Count);
        Assert.All(summary.Claims, claim => Assert.NotEqual(ClaimBasis.NotComparable, claim.Basis));
        Assert.Equal(ClaimBasis.Calibrated, summary.Claims[0].Basis);
        Assert.Equal("gemmBurstiness", Assert.Single(summary.Calibrations).Constant);
        Assert.DoesNotContain(summary.Assumptions, a => a.Name == "gemmBurstiness");
        Assert.InRange(summary.Metrics[CommOverlapMetrics.TnlgGeomeanSpeedup], 1.0, 2.0);
        Assert.Equal(3, summary.Tables.Count);
        Assert.Equal(6, summary.Tables[1].Rows.Count);
        Assert.Equal(summary.Metrics[CommOverlapMetrics.DesignPoints], summary.Tables[2].Rows.Count);
        Assert.All(summary.Tables.SelectMany(t => t.Rows), row => Assert.Equal(summary.Tables.First(t => t.Rows.Contains(row)).Columns.Count, row.Count));

        Assert.Equal([4L, 8L], context.Series(CommOverlapMetrics.TpSweep(Sublayer.Op, TransformerModel.TNlg)).Select(p => p.Step));
        Assert.Equal([16L], context.Series(CommOverlapMetrics.TpSweep(Sublayer.Op, TransformerModel.Palm)).Select(p => p.Step));
        Assert.NotEmpty(context.Series(CommOverlapMetrics.DramBandwidth(Variant.T3Mca, "comm")));
        Assert.All(context.Points, point => Assert.True(double.IsFinite(point.Value), $"{point}"));

        var gantt = FigureArtifacts.ReadGantt(context.Artifacts["timeline" + FigureArtifacts.GanttSuffix]);
        Assert.NotNull(gantt);
        Assert.Contains(gantt.Bars, bar => bar.Category == "nmc-update");
        Assert.All(gantt.Bars, bar => Assert.True(bar.End >= bar.Start && gantt.Lanes.Contains(bar.Lane), $"{bar}"));

        var fractions = context.Progress.Select(p => p.Fraction).ToList();
        Assert.Equal(fractions.Order(), fractions);
        Assert.Equal(1.0, fractions[^1]);
        Assert.NotEmpty(context.Lines);
    }

    [Fact]
    public async Task Without_the_paper_models_the_claims_are_not_comparable()
    {
        var parameters = Tiny();
        parameters.Models = [TransformerModel.Custom];
        parameters.CustomHidden = 1024;

        var (summary, _) = await RunAsync(parameters);

        Assert.All(summary.Claims, claim => Assert.Equal(ClaimBasis.NotComparable, claim.Basis));
        Assert.DoesNotContain(CommOverlapMetrics.TnlgGeomeanSpeedup, summary.Metrics.Keys);
        Assert.Empty(summary.Calibrations);
        Assert.Contains(summary.Assumptions, a => a.Name == "gemmBurstiness");
    }

    [Fact]
    public async Task Cancelling_stops_the_sweep_at_the_next_cell()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext { OnLog = _ => cancellation.Cancel() };
        IExperiment experiment = new CommOverlapExperiment();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => experiment.RunAsync(Tiny(), context, cancellation.Token));

        Assert.Single(context.Points);
    }

    [Fact]
    public void Every_preset_binds_and_the_headline_preset_exists()
    {
        var experiment = new CommOverlapExperiment();
        Assert.Contains(experiment.Presets, preset => preset.Name == ExperimentPreset.HeadlineName);
        foreach (var preset in experiment.Presets)
        {
            var json = JsonSerializer.SerializeToElement(preset.Parameters, ParameterJson.Options);
            var bound = ParameterBinder.Bind(typeof(CommOverlapParameters), json);
            Assert.True(bound.Errors.Count == 0, $"{preset.Name}: {string.Join("; ", bound.Errors.SelectMany(e => e.Value))}");
        }
    }

    [Fact]
    public void Bad_input_is_reported_per_field()
    {
        var json = JsonSerializer.SerializeToElement(new
        {
            tpDegrees = new[] { 8, 8, 128 },
            triggerLatencyUs = 9,
            stepLatencyUs = 2,
            models = new[] { "t-nlg", "gpt-5" },
            dtypeBytes = 3,
        });

        var bound = ParameterBinder.Bind(typeof(CommOverlapParameters), json);

        Assert.Contains("tpDegrees", bound.Errors.Keys);
        Assert.Contains("models", bound.Errors.Keys);

        var valid = new CommOverlapParameters { TriggerLatencyUs = 9, StepLatencyUs = 2, DtypeBytes = 3, GanttSublayer = Sublayer.Ip, Sublayers = [Sublayer.Op] };
        var fields = valid.Validate().Select(e => e.Field).ToList();
        Assert.Contains("triggerLatencyUs", fields);
        Assert.Contains("dtypeBytes", fields);
        Assert.Contains("ganttSublayer", fields);
        Assert.Empty(new CommOverlapParameters().Validate());
    }

    [Theory]
    [InlineData(Variant.SwOverlap, "sw-overlap")]
    [InlineData(Variant.T3Nonmc, "t3-nonmc")]
    [InlineData(Variant.T3Mca, "t3-mca")]
    public void Variants_have_kebab_case_names(Variant variant, string name) => Assert.Equal(name, Names.Kebab(variant));
}
