using TorchSharp;

namespace Platform.Experiments.Torch;

/// <summary>The one place a run prepares LibTorch: intra-op threads and the seed of its global generator.</summary>
public static class TorchRuntime
{
    /// <summary>
    /// Applies the run's thread count (0 = every logical core) and seeds LibTorch. The first call also loads the
    /// native library, so a broken native install fails here, at the start of the run. Returns the threads in use.
    /// </summary>
    public static int StartRun(int threads, long seed)
    {
        var used = UseThreads(threads);
        torch.manual_seed(seed);
        return used;
    }

    /// <summary>
    /// The threads a run may use: what it asked for, but never more than the worker's share of the cores, since the
    /// share is what the worker promised the runs beside it; 0 asks for the whole share.
    /// </summary>
    public static int ThreadsFor(int requested, int share) => requested > 0 ? Math.Min(requested, Math.Max(1, share)) : share;

    /// <summary>
    /// LibTorch keeps the thread count per OS thread (OpenMP) and gives new threads the last count set anywhere in
    /// the process. Code resumed after an await may be on another thread, so call this again before heavy compute.
    /// </summary>
    public static int UseThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        var count = threads == 0 ? Environment.ProcessorCount : threads;
        if (torch.get_num_threads() != count)
        {
            torch.set_num_threads(count);
        }
        return count;
    }
}
