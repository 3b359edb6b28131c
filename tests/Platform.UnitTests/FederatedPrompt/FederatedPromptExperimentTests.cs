using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.FederatedPrompt;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Reporting;
using Platform.UnitTests.Support;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.UnitTests.FederatedPrompt;

[Collection(LibTorchCollection.Name)]
public sealed class FederatedPromptExperimentTests(TinyHeadlineRun run) : IClassFixture<TinyHeadlineRun>
{
    [Fact]
    public void A_tiny_run_of_every_method_completes_logs_every_round_and_reports_every_claim()
    {
        var (context, summary) = (run.Context, run.Summary);
        foreach (var method in MethodNames.All)
        {
            Assert.Equal([0L, 1L, 2L], context.Series(M.Of(M.Accuracy, method)).Select(p => p.Step));
            Assert.Equal([1L, 2L], context.Series(M.Of(M.CumulativeMb, method)).Select(p => p.Step));
            Assert.True(summary.Metrics[$"{method}.total-mb"] > 0);
        }

        // Methods that train on all local data must lower the global test loss within two rounds. The pruned SFPrompt
        // variants train on 30 hard samples of a barely pre-trained tiny backbone, which two rounds do not reliably
        // improve; their mechanics are tested on their own in SplitStepTests.
        foreach (var method in new[] { MethodNames.FlFull, MethodNames.FlPrompt, MethodNames.SflFull, MethodNames.SfPromptNoPrune })
        {
            var loss = context.Series(M.Of(M.TestLoss, method));
            Assert.True(loss[^1].Value < loss[0].Value, $"{method}: {string.Join(" -> ", loss.Select(p => p.Value))}");
        }

        Assert.NotEmpty(context.Series(M.Of(M.El2nMean, MethodNames.SfPrompt)));
        Assert.Empty(context.Series(M.Of(M.El2nMean, MethodNames.SfPromptRandom)));
        Assert.Equal(30, context.Series(M.Of(M.KeptPerClient, MethodNames.SfPrompt))[0].Value);
        Assert.Equal(8, summary.Claims.Count);
        Assert.All(summary.Claims, claim => Assert.NotNull(claim.MeasuredValue));
        Assert.Equal(MethodNames.All.Count, summary.Tables[0].Rows.Count);
        Assert.Equal(1.0, context.Progress[^1].Fraction, 6);
        Assert.NotEmpty(context.Series(M.PretrainAccuracy));
    }

    [Fact]
    public void A_tiny_headline_judges_exactly_the_predicted_claims_the_family_declares_over_declared_assumptions()
    {
        var summary = run.Summary;
        var predicted = summary.Claims.Where(c => c.Basis == ClaimBasis.Predicted).ToList();

        Assert.Equal(run.Experiment.Evidence.PredictedClaims, predicted.Select(c => c.Claim));
        Assert.Empty(run.Experiment.Evidence.Calibrations);
        Assert.Empty(summary.Calibrations);
        Assert.All(summary.Claims, c => Assert.True(
            c.Verdict is null or ClaimVerdict.Supported or ClaimVerdict.Inconclusive or ClaimVerdict.Contradicted, $"{c.Claim}: {c.Verdict}"));
        Assert.All(predicted, c => Assert.True(c.Band is not null && c.Range is not null && c.Verdict is not null, c.Claim));
        var declared = summary.Assumptions.Select(a => a.Name).ToHashSet();
        Assert.All(predicted.SelectMany(c => c.SensitiveTo), name => Assert.Contains(name, declared));

        // Accuracy claims carry the seed spread of the test sets the final models were evaluated on.
        var gap = Assert.Single(predicted, c => c.Claim == AccuracyClaims.GapToFull);
        Assert.Equal(new FederatedPromptParameters().AccuracySeeds, gap.Seeds);
    }

    [Fact]
    public void The_client_share_counted_for_any_model_is_what_the_methods_charged_in_the_run()
    {
        var parameters = TinyRun.Parameters();
        var workload = ClientWorkload.Of(MethodSettings.From(parameters, run.Context.Seed));
        var measured = 100 * run.Summary.Metrics[$"{MethodNames.SfPrompt}.client-gflops"] / run.Summary.Metrics[$"{MethodNames.FlFull}.client-gflops"];

        Assert.Equal(workload.ClientSharePercent(VitConfig.From(parameters)), measured, 9);
    }

    [Fact]
    public async Task Cancelling_during_the_first_round_stops_the_run()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var context = new RecordingRunContext(seed: 3)
        {
            OnLog = point =>
            {
                if (point.Key.StartsWith(M.TrainLoss, StringComparison.Ordinal))
                {
                    cancellation.Cancel();
                }
            },
        };
        var parameters = TinyRun.Parameters();
        parameters.Rounds = 50;
        parameters.PretrainedWeights = InMemoryDatasets.Shared.Add(Safetensors.Write(MethodHarness.RandomWeights(TinyRun.Config)), "safetensors");
        IExperiment experiment = new FederatedPromptExperiment(TinyRun.TemporaryCache());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => experiment.RunAsync(parameters, context, cancellation.Token));

        Assert.Single(context.Series(M.Of(M.TrainLoss, MethodNames.All[0])));
    }
}
