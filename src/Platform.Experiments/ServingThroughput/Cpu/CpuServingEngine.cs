using static TorchSharp.torch;
using TorchRuntime = Platform.Experiments.Torch.TorchRuntime;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// Serves a set of requests to completion on the tiny decoder with continuous batching and chunked prefill, under one
/// schedule. <paramref name="onIteration"/> sees each iteration's segments and the op times of the sequential schedule.
/// </summary>
public sealed class CpuServingEngine(TinyDecoder model, int tokenBudget, int threads)
{
    public async Task<ServingRunResult> RunAsync(IReadOnlyList<ServedRequest> requests, ServingSchedule schedule,
        Func<int, IReadOnlyList<Segment>, OpTimes, ValueTask>? onIteration, CancellationToken cancellationToken)
    {
        var scheduler = new BatchScheduler(requests, tokenBudget, model.Config);
        var times = new OpTimes();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        long tokens = 0;
        var iterations = 0;
        while (!scheduler.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TorchRuntime.UseThreads(threads);
            var segments = scheduler.Next();
            times.Clear();
            var sampled = schedule == ServingSchedule.Sequential || segments.Count < 2
                ? Forward(segments, times)
                : await ForwardNanoAsync(segments, schedule == ServingSchedule.NanoOverlap, times);
            scheduler.Complete(segments, sampled);
            tokens += segments.Sum(s => s.Tokens.Length);
            if (onIteration is not null)
            {
                await onIteration(iterations, segments, times);
            }
            iterations++;
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new ServingRunResult(tokens, seconds, iterations, [.. requests.Select(r => r.Generated.ToArray())]);
    }

    private int[] Forward(IReadOnlyList<Segment> segments, OpTimes times)
    {
        var x = model.Embed(segments);
        for (var layer = 0; layer < model.Config.Layers; layer++)
        {
            x = Layer(layer, x, segments, times);
        }

        using (x)
        {
            return model.Sample(x, segments, times);
        }
    }

    private Tensor Layer(int layer, Tensor x, IReadOnlyList<Segment> segments, OpTimes times)
    {
        using var input = x;
        using var q = model.Kqv(layer, input, segments, times);
        using var attention = model.Attend(layer, q, segments, times);
        return model.OutputAndFfn(layer, input, attention, times);
    }

    private async Task<int[]> ForwardNanoAsync(IReadOnlyList<Segment> segments, bool overlap, OpTimes times)
    {
        var (first, second) = NanoBatchSplit.Halve(segments);
        var a = model.Embed(first);
        var b = model.Embed(second);
        for (var layer = 0; layer < model.Config.Layers; layer++)
        {
            if (overlap)
            {
                (a, b) = await OverlappedLayerAsync(layer, a, b, first, second);
            }
            else
            {
                a = Layer(layer, a, first, times);
                b = Layer(layer, b, second, times);
            }
        }

        using (a)
        using (b)
        {
            return [.. model.Sample(a, first, times), .. model.Sample(b, second, times)];
        }
    }

    /// <summary>KQV(A); then attention(A) beside KQV(B); then O+FFN(A) beside attention(B); then O+FFN(B).</summary>
    private async Task<(Tensor, Tensor)> OverlappedLayerAsync(int layer, Tensor a, Tensor b, IReadOnlyList<Segment> first, IReadOnlyList<Segment> second)
    {
        var half = Math.Max(1, threads / 2);
        using var inputA = a;
        using var inputB = b;
        TorchRuntime.UseThreads(threads);
        using var qA = model.Kqv(layer, inputA, first, new OpTimes());

        var attendA = OnTask(half, () => model.Attend(layer, qA, first, new OpTimes()));
        var kqvB = OnTask(half, () => model.Kqv(layer, inputB, second, new OpTimes()));
        await Task.WhenAll(attendA, kqvB);
        using var attentionA = await attendA;
        using var qB = await kqvB;

        var finishA = OnTask(half, () => model.OutputAndFfn(layer, inputA, attentionA, new OpTimes()));
        var attendB = OnTask(half, () => model.Attend(layer, qB, second, new OpTimes()));
        await Task.WhenAll(finishA, attendB);
        using var attentionB = await attendB;

        TorchRuntime.UseThreads(threads);
        var outputB = model.OutputAndFfn(layer, inputB, attentionB, new OpTimes());
        return (await finishA, outputB);
    }

    private static Task<Tensor> OnTask(int threads, Func<Tensor> stage) => Task.Run(() =>
    {
        TorchRuntime.UseThreads(threads);
        return stage();
    });
}
