using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;
using TorchRuntime = Platform.Experiments.Torch.TorchRuntime;

namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// Runs a GEMM (the FFN's Up/Gate at the token budget) and a decode attention over a batch of KV caches, alone and at the
/// same time on two tasks, to measure how much each slows the other on this CPU.
/// </summary>
public static class InterferenceProbe
{
    private const double TargetMs = 40;

    public static async Task<InterferenceResult> MeasureAsync(TinyDecoderConfig config, int tokens, int context, int threads, CancellationToken cancellationToken)
    {
        using var gemm = new GemmWork(config, tokens);
        using var attention = new AttentionWork(config, tokens, context);
        TorchRuntime.UseThreads(threads);
        var gemmRepeats = Calibrate(gemm.Run);
        var attentionRepeats = Calibrate(attention.Run);
        cancellationToken.ThrowIfCancellationRequested();

        var gemmAlone = Time(gemm.Run, gemmRepeats);
        var attentionAlone = Time(attention.Run, attentionRepeats);
        cancellationToken.ThrowIfCancellationRequested();

        var half = Math.Max(1, threads / 2);
        var gemmTask = Task.Run(() => { TorchRuntime.UseThreads(half); return Time(gemm.Run, gemmRepeats); }, cancellationToken);
        var attentionTask = Task.Run(() => { TorchRuntime.UseThreads(half); return Time(attention.Run, attentionRepeats); }, cancellationToken);
        await Task.WhenAll(gemmTask, attentionTask);
        TorchRuntime.UseThreads(threads);
        return new InterferenceResult(gemmAlone, attentionAlone, await gemmTask, await attentionTask);
    }

    private static int Calibrate(Action work)
    {
        work();
        var once = Math.Max(0.01, Time(work, 1));
        return Math.Max(1, (int)Math.Ceiling(TargetMs / once));
    }

    private static double Time(Action work, int repeats)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < repeats; i++)
        {
            work();
        }
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private sealed class GemmWork(TinyDecoderConfig config, int tokens) : IDisposable
    {
        private readonly Tensor _a = torch.randn([tokens, config.Dim], dtype: config.DType);
        private readonly Tensor _b = torch.randn([config.Dim, 2 * config.Ffn], dtype: config.DType);

        public void Run() => _a.matmul(_b).Dispose();

        public void Dispose()
        {
            _a.Dispose();
            _b.Dispose();
        }
    }

    /// <summary>One decode query per request against its own cache, request by request, as the decoder does.</summary>
    private sealed class AttentionWork(TinyDecoderConfig config, int requests, int context) : IDisposable
    {
        private readonly Tensor _queries = torch.randn([requests, config.KvHeads, config.Heads / config.KvHeads, config.HeadDim], dtype: config.DType);
        private readonly Tensor _keys = torch.randn([requests, config.KvHeads, config.HeadDim, context], dtype: config.DType);
        private readonly Tensor _values = torch.randn([requests, config.KvHeads, context, config.HeadDim], dtype: config.DType);

        public void Run()
        {
            using var scope = torch.NewDisposeScope();
            for (var r = 0; r < _queries.shape[0]; r++)
            {
                _queries[r].matmul(_keys[r]).softmax(-1).matmul(_values[r]);
            }
        }

        public void Dispose()
        {
            _queries.Dispose();
            _keys.Dispose();
            _values.Dispose();
        }
    }
}
