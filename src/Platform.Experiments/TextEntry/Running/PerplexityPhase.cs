using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Reporting;
using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Running;

/// <summary>The run's perplexity phase: the trained model on the dev and test splits, with and without the conversation.</summary>
internal static class PerplexityPhase
{
    public static async Task<(double Dev, double Test, double TestNoContext)> MeasureAsync(
        IDialogueModel model, CorpusSplit split, TextEntryParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        double Measure(IEnumerable<Dialogue> dialogues, bool withContext) => Perplexity.Of(
            TestPhrase.From(dialogues, parameters.ContextTurns)
                .Select(p => (withContext ? model.Given(p.Context) : model.Alone, p.Tokens)));

        ModelThreads.Use(parameters, context.Threads);
        var dev = Measure(split.Dev, withContext: true);
        cancellationToken.ThrowIfCancellationRequested();
        var test = Measure(split.Test, withContext: true);
        cancellationToken.ThrowIfCancellationRequested();
        var devNoContext = Measure(split.Dev, withContext: false);
        cancellationToken.ThrowIfCancellationRequested();
        var testNoContext = Measure(split.Test, withContext: false);
        await context.LogAsync(TextEntryMetrics.PerplexityContext, 0, dev, cancellationToken);
        await context.LogAsync(TextEntryMetrics.PerplexityContext, 1, test, cancellationToken);
        await context.LogAsync(TextEntryMetrics.PerplexityNoContext, 0, devNoContext, cancellationToken);
        await context.LogAsync(TextEntryMetrics.PerplexityNoContext, 1, testNoContext, cancellationToken);
        await context.LogLineAsync($"Test perplexity {test:F2} with context, {testNoContext:F2} without", cancellationToken);
        return (dev, test, testNoContext);
    }
}
