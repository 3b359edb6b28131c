using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Reporting;
using Platform.Experiments.EdgeOffload.Training;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>Trains the neural filter on the split student's stem and picks its threshold for the minimum recall.</summary>
internal static class FilterPhase
{
    public static async Task<FilterOutcome> RunAsync(RunScope run, Datasets data, Stem stem)
    {
        var p = run.Parameters;
        run.UseThreads();
        var filter = new NeuralFilter(run.Shape.StemChannels);
        var labels = data.Validation.Select(f => f.HasObject).ToArray();
        using var trainer = new FilterTrainer(stem, filter, data.Filter, p.BatchSize, run.Seed + 11);
        var auc = double.NaN;
        for (var epoch = 1; epoch <= p.FilterEpochs; epoch++)
        {
            run.UseThreads();
            var loss = trainer.TrainEpoch(run.CancellationToken);
            auc = ThresholdSelector.RocAuc(FilterTrainer.Probabilities(stem, filter, data.Validation, 64), labels);
            await run.LogAsync(EdgeOffloadMetrics.FilterLoss, epoch, loss);
            if (double.IsFinite(auc))
            {
                await run.LogAsync(EdgeOffloadMetrics.FilterAuc, epoch, auc);
            }
            await run.StepAsync($"filter epoch {epoch}/{p.FilterEpochs}: loss {loss:F3}, val ROC-AUC {auc:F3}");
        }

        run.UseThreads();
        var probabilities = FilterTrainer.Probabilities(stem, filter, data.Validation, 64);
        var threshold = ThresholdSelector.ForMinimumRecall(probabilities, labels, p.FilterMinRecall);
        var positives = labels.Count(x => x);
        var recall = positives == 0 ? double.NaN : (double)probabilities.Where((v, i) => labels[i] && v >= threshold).Count() / positives;
        await run.LineAsync($"Filter threshold {threshold:G4} keeps {recall:P1} of validation frames with objects (minimum {p.FilterMinRecall:P1}).");
        return new FilterOutcome(filter, threshold, auc, recall);
    }
}
