namespace Platform.Bench.Benchmarks.LiveDelivery;

/// <summary>What one case measured across all its subscribers.</summary>
public sealed record LiveCaseResult(
    IReadOnlyList<double> LatenciesMs, long Delivered, long Expected, int OrderViolations, double WindowMs)
{
    public double PointsPerSecond => WindowMs > 0 ? Delivered / (WindowMs / 1e3) : 0;

    public long Lost => Expected - Delivered;
}

/// <summary>
/// Runs one case: <c>runs</c> probe runs at once, each with <c>subscribersPerRun</c> hub clients, all released at
/// the same instant; then waits until every client has every point (or the runs have ended and a grace passed).
/// </summary>
public static class LiveCase
{
    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(5);

    public static async Task<LiveCaseResult> RunAsync(
        BenchApp app, int runs, int subscribersPerRun, LiveProbeParameters probe, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < runs; i++)
        {
            ids.Add(await app.SubmitAsync(LiveProbeExperiment.KindName, probe, cancellationToken));
        }

        var expected = probe.Ticks * probe.Keys;
        var subscribers = (await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, subscribersPerRun)
            .Select(async _ => await Subscriber.ConnectAsync(app.Address, id, expected, await app.HubKeyAsync(cancellationToken), cancellationToken))))).ToList();
        try
        {
            var started = ProbeClock.NowMs();
            foreach (var id in ids)
            {
                StartGate.Open(id);
            }

            foreach (var id in ids)
            {
                var state = await app.WaitForTerminalAsync(id, TimeSpan.FromMinutes(2), cancellationToken);
                if (state != "Succeeded")
                {
                    throw new InvalidOperationException($"Probe run {id} ended {state}.");
                }
            }

            // The pipeline has stored and published everything once a run succeeds; sends may still be in flight.
            var deadline = DateTime.UtcNow + s_grace;
            while (!subscribers.All(s => s.Complete) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken);
            }

            // Closed first, so no late message changes what is being counted.
            await Task.WhenAll(subscribers.Select(s => s.DisposeAsync().AsTask()));
            var latencies = subscribers.SelectMany(s => s.Latencies).ToList();
            return new LiveCaseResult(
                latencies,
                subscribers.Sum(s => (long)s.Received),
                (long)expected * subscribers.Count,
                subscribers.Sum(s => s.OrderViolations),
                subscribers.Max(s => s.LastArrivalMs) - started);
        }
        catch
        {
            await Task.WhenAll(subscribers.Select(s => s.DisposeAsync().AsTask()));
            throw;
        }
        finally
        {
            foreach (var id in ids)
            {
                StartGate.Forget(id);
            }
        }
    }
}
