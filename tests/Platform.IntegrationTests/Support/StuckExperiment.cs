using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Platform.Experiments.Contract;
using Platform.Experiments.Torch;
using TorchSharp;

namespace Platform.IntegrationTests.Support;

/// <summary>
/// A test family that enters native code which cannot see a cancellation token: libc's sleep(3), or one long
/// batched LibTorch matmul. <see cref="InNative"/> lets an in-process test see that the call is still running.
/// </summary>
public sealed class StuckExperiment : Experiment<StuckParameters>
{
    public const string KindName = "test-stuck";

    public override string Kind => KindName;

    public override string Title => "Stuck in native code (test)";

    public override string Description => "Blocks in a native call that ignores cancellation.";

    /// <summary>Runs of this process that are inside their native call right now.</summary>
    public static ConcurrentDictionary<Guid, bool> InNative { get; } = new();

    protected override async Task<RunSummary> RunAsync(StuckParameters parameters, IRunContext context, CancellationToken cancellationToken)
    {
        await context.LogAsync("phase", 0, 0, cancellationToken);
        await context.LogLineAsync("entering native code", cancellationToken);
        InNative[context.RunId] = true;
        try
        {
            if (parameters.Native == "torch-matmul")
            {
                MultiplyInOneCall(parameters.Batch, context.Seed);
            }
            else
            {
                // sleep(3) returns early when a signal arrives, and the runtime signals threads to suspend them for
                // a garbage collection: sleep again for what is left, or the run "succeeds" after a collection.
                for (var left = (uint)parameters.Seconds; left > 0;)
                {
                    left = Sleep(left);
                }
            }
        }
        finally
        {
            InNative[context.RunId] = false;
        }

        // An abandoned run gets here long after its run was settled: this write must be refused.
        await context.LogAsync("phase", 1, 1, CancellationToken.None);
        return new RunSummary(new Dictionary<string, double> { ["returned"] = 1 }, []);
    }

    private static void MultiplyInOneCall(int batch, long seed)
    {
        TorchRuntime.StartRun(1, seed);
        using var a = torch.rand(batch, 2048, 2048);
        using var product = torch.matmul(a, a);
    }

    // DllImport rather than LibraryImport: the call is blittable, and the generator would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "sleep")]
    private static extern uint Sleep(uint seconds);
}
