using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.FederatedPrompt.Reporting;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// Runs the methods once per samples-per-client value and reports bytes per client-round against it. Each finished
/// size is checkpointed, so a later attempt continues with the next one.
/// </summary>
internal sealed class SamplesSweep(IRunContext context, FederatedPromptParameters p, int threads)
{
    public async Task<RunSummary> RunAsync(Dictionary<string, Safetensors.Entry> pretrained, CancellationToken ct)
    {
        var fingerprint = RunFingerprint.Of(p, context.Seed, pretrained);
        var points = (await RestoreAsync(fingerprint, ct)).ToList();
        var sizes = p.SweepSamplesPerClient.Order().ToArray();
        for (var i = 0; i < sizes.Length; i++)
        {
            if (points.Any(point => point.Samples == sizes[i]))
            {
                continue;
            }

            using var data = FederationData.Generate(p, context.Seed, sizes[i]);
            var span = 0.85 / sizes.Length;
            var outcomes = await new FederationRun(context, p, threads, logRounds: false)
                .RunAsync(pretrained, data, (0.15 + i * span, 0.15 + (i + 1) * span), ct);
            foreach (var o in outcomes)
            {
                await context.LogAsync(M.Of(M.SweepMbPerClientRound, o.Method), sizes[i], o.MbPerClientRound, ct);
                await context.LogAsync(M.Of(M.SweepAccuracy, o.Method), sizes[i], o.Accuracy, ct);
                points.Add(new SweepPoint(sizes[i], o));
            }
            await context.LogLineAsync($"{sizes[i]} samples per client: " +
                string.Join(", ", outcomes.Select(o => $"{o.Method} {o.MbPerClientRound:F3} MB/client-round")), ct);
            await context.CheckpointAsync(SweepCheckpoint.Name, SweepCheckpoint.Write(fingerprint, points), ct);
        }

        return new RunSummary(SummaryMetrics.Build(points), Claims.Build(points))
        {
            Tables = [Tables.Sweep(points)],
            Assumptions = [ClaimAssumptions.Header],
        };
    }

    private async Task<IReadOnlyList<SweepPoint>> RestoreAsync(RunFingerprint fingerprint, CancellationToken ct)
    {
        if (await context.TryRestoreAsync(SweepCheckpoint.Name, ct) is not { } state)
        {
            return [];
        }

        if (SweepCheckpoint.Restore(state, fingerprint) is not { } points)
        {
            await context.LogLineAsync(
                "The sweep checkpoint was computed from other pre-trained weights than this worker has, so the sweep starts over", ct);
            return [];
        }

        var done = points.Select(point => point.Samples).Distinct().Order().ToList();
        await context.LogLineAsync(
            $"Resumed the sweep from a checkpoint: {done.Count} of {p.SweepSamplesPerClient.Distinct().Count()} sizes done ({string.Join(", ", done)} samples per client)", ct);
        return points;
    }
}
