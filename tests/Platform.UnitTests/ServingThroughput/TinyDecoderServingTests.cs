using Platform.Experiments.ServingThroughput.Cpu;
using Platform.Experiments.Torch;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.ServingThroughput;

[Collection(LibTorchCollection.Name)]
public sealed class TinyDecoderServingTests
{
    private const int Budget = 16;
    private static readonly TinyDecoderConfig s_config = new(Dim: 32, Layers: 2, Heads: 4, KvHeads: 2, Ffn: 48, MaxContext: 64);

    private static async Task<ServingRunResult> ServeAsync(TinyDecoder model, ServingSchedule schedule, List<ServedRequest> requests) =>
        await new CpuServingEngine(model, Budget, threads: 2).RunAsync(requests, schedule, null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Every_schedule_generates_the_same_tokens_for_the_same_seed()
    {
        TorchRuntime.StartRun(2, 3);
        using var model = new TinyDecoder(s_config, seed: 11);

        var sequential = await ServeAsync(model, ServingSchedule.Sequential, ServedRequest.Create(7, 10, 6, 256, 5));
        var nanobatch = await ServeAsync(model, ServingSchedule.NanobatchOnly, ServedRequest.Create(7, 10, 6, 256, 5));
        var overlapped = await ServeAsync(model, ServingSchedule.NanoOverlap, ServedRequest.Create(7, 10, 6, 256, 5));

        Assert.All(sequential.Outputs, output => Assert.Equal(6, output.Length));
        Assert.Equal(sequential.Outputs, nanobatch.Outputs);
        Assert.Equal(sequential.Outputs, overlapped.Outputs);
        // Random weights still give input-dependent outputs: not every request generates the same sequence.
        Assert.True(sequential.Outputs.Select(o => string.Join(',', o)).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Chunked_prefill_in_a_batch_matches_serving_each_request_alone()
    {
        TorchRuntime.StartRun(1, 3);
        using var model = new TinyDecoder(s_config, seed: 11);

        var batched = await ServeAsync(model, ServingSchedule.Sequential, ServedRequest.Create(5, 20, 4, 256, 9));
        var alone = new List<int[]>();
        foreach (var request in ServedRequest.Create(5, 20, 4, 256, 9))
        {
            // A budget of 64 prefills the whole 20-token prompt in one chunk; the batched run cuts prompts at 16.
            var result = await new CpuServingEngine(model, 64, 1).RunAsync([request], ServingSchedule.Sequential, null, TestContext.Current.CancellationToken);
            alone.Add(result.Outputs[0]);
        }

        Assert.Equal(alone, batched.Outputs);
    }

    [Fact]
    public void The_scheduler_keeps_the_token_budget_and_counts_every_token_once()
    {
        using var model = new TinyDecoder(s_config, seed: 1);
        var requests = ServedRequest.Create(9, 12, 5, 256, 2);
        var scheduler = new BatchScheduler(requests, Budget, s_config);
        var processed = 0;
        var iterations = 0;
        while (!scheduler.Done && iterations++ < 1000)
        {
            var segments = scheduler.Next();
            Assert.InRange(segments.Sum(s => s.Tokens.Length), 1, Budget);
            Assert.Equal(segments.Count(s => s.IsDecode), segments.TakeWhile(s => s.IsDecode).Count());
            processed += segments.Sum(s => s.Tokens.Length);
            scheduler.Complete(segments, [.. Enumerable.Repeat(0, segments.Count(s => s.Samples))]);
        }

        // Each request feeds its prompt and all but its last generated token.
        Assert.True(scheduler.Done);
        Assert.Equal(9 * (12 + 5 - 1), processed);
        Assert.All(requests, r => Assert.Null(r.Cache));
    }

    [Fact]
    public void The_nano_batch_split_never_cuts_a_request()
    {
        var request = ServedRequest.Create(3, 4, 1, 256, 1);
        Segment Seg(int r, int length) => new(request[r], 0, new int[length], Samples: false);

        var (first, second) = NanoBatchSplit.Halve([Seg(0, 1), Seg(1, 1), Seg(2, 6)]);

        Assert.Equal(2, first.Count);
        Assert.Single(second);
    }

    [Fact]
    public void The_confidence_interval_uses_students_t()
    {
        var ci = ConfidenceInterval.Of([1.0, 2.0, 3.0]);

        // s = 1, n = 3, t(2) = 4.303.
        Assert.Equal(2, ci.Mean, 9);
        Assert.Equal(4.303 / Math.Sqrt(3), ci.HalfWidth, 9);
        Assert.True(double.IsNaN(ConfidenceInterval.Of([5.0]).HalfWidth));
    }
}
