using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using M = Platform.Experiments.FederatedPrompt.Reporting.FederatedPromptMetrics;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>Logs one method's round: accuracy, losses, bytes by direction and kind, FLOPs, pruning, timing, fairness.</summary>
internal sealed class RoundLogger(IRunContext context)
{
    private const double Mega = 1e6;

    public async Task LogAsync(MethodTrack track, int round, RoundReport report, IReadOnlyList<ClientData> clients, CancellationToken ct)
    {
        var m = track.Name;
        var evaluation = track.Latest!;
        var counters = track.Method.Link.Counters;
        var traffic = counters.Minus(track.LastCounters);
        track.LastCounters = counters;

        await LogAsync(M.Of(M.Accuracy, m), round, evaluation.Accuracy, ct);
        await LogAsync(M.Of(M.TestLoss, m), round, evaluation.Loss, ct);
        await LogAsync(M.Of(M.TrainLoss, m), round, report.TrainLoss, ct);
        if (report.LocalLoss is { } localLoss)
        {
            await LogAsync(M.Of(M.LocalLoss, m), round, localLoss, ct);
        }

        await LogAsync(M.Of(M.MbUpPerClient, m), round, traffic.Of(LinkDirection.Up) / Mega / clients.Count, ct);
        await LogAsync(M.Of(M.MbDownPerClient, m), round, traffic.Of(LinkDirection.Down) / Mega / clients.Count, ct);
        await LogAsync(M.Of(M.CumulativeMb, m), round, counters.Total / Mega, ct);
        await context.LogAsync(M.Of(M.AccuracyVsKb, m), counters.Total / 1000, evaluation.Accuracy, ct);
        foreach (var direction in Enum.GetValues<LinkDirection>())
        {
            foreach (var kind in Enum.GetValues<PayloadKind>())
            {
                var series = $"{direction}-{kind}".ToLowerInvariant();
                await LogAsync(M.MbByKind(m, series), round, traffic[direction, kind] / Mega, ct);
            }
        }

        await LogComputeAsync(track, round, ct);
        await LogPruningAsync(m, round, report, ct);
        foreach (var (phase, seconds) in report.PhaseSeconds)
        {
            await LogAsync(M.PhaseSeconds(m, phase), round, seconds, ct);
        }

        var perClient = clients.Select(c => evaluation.AccuracyUnder(c.ClassShares)).ToArray();
        await LogAsync(M.Of(M.ClientAccuracyMin, m), round, perClient.Min(), ct);
        await LogAsync(M.Of(M.ClientAccuracyMax, m), round, perClient.Max(), ct);
    }

    public async Task LogStartAsync(string method, Evaluation evaluation, CancellationToken ct)
    {
        await LogAsync(M.Of(M.Accuracy, method), 0, evaluation.Accuracy, ct);
        await LogAsync(M.Of(M.TestLoss, method), 0, evaluation.Loss, ct);
    }

    private async Task LogComputeAsync(MethodTrack track, int round, CancellationToken ct)
    {
        var client = track.Method.Compute.Of(Party.Client);
        var server = track.Method.Compute.Of(Party.Server);
        await LogAsync(M.Of(M.ClientGflops, track.Name), round, (client - track.LastClientFlops) / 1e9, ct);
        await LogAsync(M.Of(M.ServerGflops, track.Name), round, (server - track.LastServerFlops) / 1e9, ct);
        await LogAsync(M.Of(M.ClientShare, track.Name), round, 100 * client / Math.Max(1, client + server), ct);
        (track.LastClientFlops, track.LastServerFlops) = (client, server);
    }

    private async Task LogPruningAsync(string m, int round, RoundReport report, CancellationToken ct)
    {
        if (report.KeptPerClient is { } kept)
        {
            await LogAsync(M.Of(M.KeptPerClient, m), round, kept, ct);
        }

        if (report.El2nScores is { Length: > 0 } scores)
        {
            Array.Sort(scores);
            await LogAsync(M.Of(M.El2nMean, m), round, scores.Average(), ct);
            await LogAsync(M.Of(M.El2nP10, m), round, scores[(int)(0.1 * (scores.Length - 1))], ct);
            await LogAsync(M.Of(M.El2nP90, m), round, scores[(int)(0.9 * (scores.Length - 1))], ct);
        }
    }

    private ValueTask LogAsync(string key, long step, double value, CancellationToken ct) => context.LogAsync(key, step, value, ct);
}
