using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Model;
using M = Platform.Experiments.FederatedPrompt.FederatedPromptMetrics;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>Runs the methods once per samples-per-client value and reports bytes per client-round against it.</summary>
internal sealed class SamplesSweep(IRunContext context, FederatedPromptParameters p, int threads)
{
    public async Task<RunSummary> RunAsync(Dictionary<string, Safetensors.Entry> pretrained, CancellationToken ct)
    {
        var points = new List<(int Samples, MethodOutcome Outcome)>();
        var sizes = p.SweepSamplesPerClient.Order().ToArray();
        for (var i = 0; i < sizes.Length; i++)
        {
            using var data = FederationData.Generate(p, context.Seed, sizes[i]);
            var span = 0.85 / sizes.Length;
            var outcomes = await new FederationRun(context, p, threads, logRounds: false)
                .RunAsync(pretrained, data, (0.15 + i * span, 0.15 + (i + 1) * span), ct);
            foreach (var o in outcomes)
            {
                await context.LogAsync(M.Of(M.SweepMbPerClientRound, o.Method), sizes[i], o.MbPerClientRound, ct);
                await context.LogAsync(M.Of(M.SweepAccuracy, o.Method), sizes[i], o.Accuracy, ct);
                points.Add((sizes[i], o));
            }
            await context.LogLineAsync($"{sizes[i]} samples per client: " +
                string.Join(", ", outcomes.Select(o => $"{o.Method} {o.MbPerClientRound:F3} MB/client-round")), ct);
        }

        var metrics = new Dictionary<string, double>();
        if (SweepSummary.Crossover(points) is { } crossover)
        {
            metrics["crossover-samples-per-client"] = crossover;
        }
        return new RunSummary(metrics, [SweepSummary.Claim(points)]) { Tables = [SweepSummary.Table(points)] };
    }
}
