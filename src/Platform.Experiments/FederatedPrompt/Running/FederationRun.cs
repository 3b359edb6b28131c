using System.Diagnostics;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Figures;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.Experiments.Torch;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// Runs the selected methods round by round, interleaved so every curve grows live together, on the same clients
/// each round. Returns each method's outcome. A resumable run checkpoints after every round and, on a later attempt,
/// continues from the round after the last one saved.
/// </summary>
internal sealed class FederationRun(IRunContext context, FederatedPromptParameters p, int threads, bool logRounds, bool resumable = false)
{
    public async Task<IReadOnlyList<MethodOutcome>> RunAsync(
        Dictionary<string, Safetensors.Entry> pretrained, FederationData data, (double From, double To) progress, CancellationToken ct)
    {
        var settings = MethodSettings.From(p, context.Seed);
        var tracks = p.Methods.Select(name => new MethodTrack(MethodFactory.Create(name, settings, pretrained))).ToList();
        var fingerprint = resumable ? RunFingerprint.Of(p, context.Seed, pretrained) : null;
        try
        {
            var logger = new RoundLogger(context);
            var resumedAfter = fingerprint is null ? 0 : await RestoreAsync(fingerprint, tracks, ct);
            if (logRounds && resumedAfter == 0)
            {
                // Round 0: the pre-trained model with its fresh classifier, the common starting point of every curve.
                foreach (var track in tracks)
                {
                    TorchRuntime.UseThreads(threads);
                    await logger.LogStartAsync(track.Name, Evaluator.Evaluate(track.Method.Global, data.Test, ct), ct);
                }
            }

            for (var round = resumedAfter + 1; round <= p.Rounds; round++)
            {
                var chosen = ClientSampler.Sample(context.Seed, round, p.Clients, p.ClientsPerRound).Select(k => data.Clients[k]).ToArray();
                foreach (var track in tracks)
                {
                    ct.ThrowIfCancellationRequested();
                    TorchRuntime.UseThreads(threads);
                    var stopwatch = Stopwatch.StartNew();
                    var report = track.Method.TrainRound(round, chosen, ct);
                    track.Latest = Evaluator.Evaluate(track.Method.Global, data.Test, ct);
                    track.Seconds += stopwatch.Elapsed.TotalSeconds;
                    track.Rounds = round;
                    track.Accuracies.Add(track.Latest.Accuracy);
                    track.LastReport = report;
                    if (logRounds)
                    {
                        await logger.LogAsync(track, round, report, chosen, ct);
                    }
                }

                var fraction = progress.From + (progress.To - progress.From) * round / p.Rounds;
                var leader = tracks.MaxBy(t => t.Latest!.Accuracy)!;
                await context.ProgressAsync(fraction, $"round {round}/{p.Rounds}: best {leader.Name} {leader.Latest!.Accuracy:F1}%", ct);
                if (fingerprint is not null)
                {
                    await CheckpointAsync(fingerprint, round, round == resumedAfter + 1, tracks, ct);
                }
            }

            if (logRounds)
            {
                await context.SaveGanttAsync("round-phases", PhaseTimeline.Of(p.Rounds, [.. tracks.Select(t => (t.Name, t.LastReport!))]), ct);
            }

            TorchRuntime.UseThreads(threads);
            return tracks.Select(t => Outcome(t, FinalAccuracies(t, data, ct))).ToList();
        }
        finally
        {
            tracks.ForEach(t => t.Dispose());
        }
    }

    /// <summary>The last round a checkpoint holds, its state loaded into the tracks; 0 when there is none.</summary>
    private async Task<int> RestoreAsync(RunFingerprint fingerprint, IReadOnlyList<MethodTrack> tracks, CancellationToken ct)
    {
        if (await context.TryRestoreAsync(RoundCheckpoint.Name, ct) is not { } state)
        {
            return 0;
        }

        if (RoundCheckpoint.Restore(state, fingerprint, tracks) is not { } round)
        {
            await context.LogLineAsync(
                "The checkpoint was saved over other pre-trained weights than this worker has (pre-trained elsewhere?), " +
                "so the federation starts over from round 0", ct);
            return 0;
        }

        await context.LogLineAsync($"Resumed at round {round} of {p.Rounds} from a checkpoint", ct);
        return round;
    }

    private async Task CheckpointAsync(RunFingerprint fingerprint, int round, bool first, IReadOnlyList<MethodTrack> tracks, CancellationToken ct)
    {
        var state = RoundCheckpoint.Write(fingerprint, round, tracks);
        if (first)
        {
            await context.LogLineAsync($"Checkpointing after every round: {state.Length / 1e6:F2} MB each", ct);
        }

        // On a worker shutdown this stores the state and then throws OperationCanceledException, ending the attempt here.
        await context.CheckpointAsync(RoundCheckpoint.Name, state, ct);
    }

    /// <summary>The final model's accuracy on every test set; the run's own was measured after the last round already.</summary>
    private static double[] FinalAccuracies(MethodTrack track, FederationData data, CancellationToken ct) =>
        [track.Latest!.Accuracy, .. data.Tests.Skip(1).Select(test => Evaluator.Evaluate(track.Method.Global, test, ct).Accuracy)];

    private MethodOutcome Outcome(MethodTrack track, double[] seedAccuracies)
    {
        var counters = track.Method.Link.Counters;
        var bytes = counters.Total;
        return new MethodOutcome(
            track.Name,
            track.Latest!.Accuracy,
            track.Accuracies.TakeLast(MethodOutcome.SettledRounds).Average(),
            track.Latest.Loss,
            bytes / 1e6,
            bytes / 1e6 / (track.Rounds * p.ClientsPerRound),
            track.Method.Compute.Of(Party.Client) / 1e9,
            track.Method.Compute.Of(Party.Server) / 1e9,
            track.Seconds,
            new ComputeBreakdown(
                track.Method.Compute.Of(Party.Client, ModelPart.Head) / 1e9,
                track.Method.Compute.Of(Party.Client, ModelPart.Body) / 1e9,
                track.Method.Compute.Of(Party.Client, ModelPart.Tail) / 1e9,
                track.Method.Compute.Of(Party.Server, ModelPart.Body) / 1e9),
            counters.TotalMessages,
            seedAccuracies);
    }
}
