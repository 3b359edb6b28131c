using Platform.Experiments.Contract;

namespace Platform.IntegrationTests.Support;

/// <summary>
/// A test family with predictable output: key kJ at step i logs i * (J + 1). Lets tests check that every point
/// arrives, in order, with the right value.
/// </summary>
public sealed class CounterExperiment : Experiment<CounterParameters>
{
    public const string KindName = "test-counter";

    public override string Kind => KindName;

    public override string Title => "Counter (test)";

    public override string Description => "Logs a known sequence of points.";

    /// <summary>A stand-in paper, so the catalogue's paper block and claim are exercised by a test family.</summary>
    public override PaperReference? Paper => new("Counting in order (test)", 2024, "Every logged point arrives once, in order.");

    /// <summary>A headline preset (as a family reproducing a paper has) and another, for the catalogue's buttons.</summary>
    public override IReadOnlyList<ExperimentPreset> Presets =>
    [
        Preset(ExperimentPreset.HeadlineName, "Headline (test)", "Counts 30 points on two keys.", new CounterParameters { Points = 30, Keys = 2 }),
        Preset("slow", "Slow count", "Counts 100 points, 20 ms apart.", new CounterParameters { Points = 100, DelayMs = 20 }),
    ];

    public static double ValueAt(int key, long step) => step * (key + 1.0);

    protected override async Task<RunSummary> RunAsync(CounterParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        await context.LogLineAsync($"Counting {parameters.Points} points on {parameters.Keys} keys", cancellationToken);
        for (var step = 0; step < parameters.Points; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (step == parameters.FailAtStep)
            {
                throw new InvalidOperationException($"Deliberate failure at step {step}");
            }

            for (var key = 0; key < parameters.Keys; key++)
            {
                await context.LogAsync($"k{key}", step, ValueAt(key, step), cancellationToken);
            }

            await context.ProgressAsync((step + 1.0) / parameters.Points, $"step {step + 1} of {parameters.Points}", cancellationToken);
            if (parameters.DelayMs > 0)
            {
                await Task.Delay(parameters.DelayMs, cancellationToken);
            }
        }

        return new RunSummary(new Dictionary<string, double> { ["points"] = parameters.Points * parameters.Keys, ["seed"] = context.Seed }, []);
    }
}
