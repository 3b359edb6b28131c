using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Bench.Benchmarks.LiveDelivery;
using Platform.Core.Security;

namespace Platform.Bench.Benchmarks.Load;

/// <summary>What the submitting clients saw: each accepted run, every answer's latency, and any refusal.</summary>
public sealed record SubmissionLoadResult(IReadOnlyList<Guid> Accepted, IReadOnlyList<double> LatenciesMs, IReadOnlyList<string> Refusals, TimeSpan Elapsed)
{
    public double PerSecond => (Accepted.Count + Refusals.Count) / Elapsed.TotalSeconds;
}

/// <summary>
/// One caller per key, each with an <see cref="HttpClient"/> (so connections) of its own, submit <c>runs</c> between
/// them, all starting together. Each is a closed loop: its next submission waits for the answer
/// to its last, as a script submitting a sweep would.
/// </summary>
public static class SubmissionLoad
{
    public static async Task<IReadOnlyList<string>> CreateKeysAsync(BenchApp app, int clients, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        for (var c = 0; c < clients; c++)
        {
            keys.Add(await app.CreateKeyAsync(AccessRole.Runner, $"load-client-{c}", cancellationToken));
        }

        return keys;
    }

    public static async Task<SubmissionLoadResult> RunAsync(BenchApp app, IReadOnlyList<string> keys, int runs, string kind, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(keys.Select((key, c) => Task.Run(
            () => SubmitShareAsync(app, key, runs / keys.Count + (c < runs % keys.Count ? 1 : 0), kind, cancellationToken), cancellationToken)));
        var elapsed = clock.Elapsed;
        return new SubmissionLoadResult(
            [.. perClient.SelectMany(r => r.Accepted)], [.. perClient.SelectMany(r => r.LatenciesMs)], [.. perClient.SelectMany(r => r.Refusals)], elapsed);
    }

    private static async Task<SubmissionLoadResult> SubmitShareAsync(BenchApp app, string key, int count, string kind, CancellationToken cancellationToken)
    {
        using var client = app.ClientWithKey(key);
        var accepted = new List<Guid>(count);
        var latencies = new List<double>(count);
        var refusals = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/api/v1/runs", new { kind, parameters = new { } }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var json = JsonDocument.Parse(body);
                accepted.Add(json.RootElement.GetProperty("id").GetGuid());
            }
            else
            {
                refusals.Add($"{(int)response.StatusCode}: {body}");
            }
        }

        return new SubmissionLoadResult(accepted, latencies, refusals, clock.Elapsed);
    }
}
