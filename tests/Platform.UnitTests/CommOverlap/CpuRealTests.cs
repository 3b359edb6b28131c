using Platform.Experiments.CommOverlap;
using Platform.Experiments.CommOverlap.Reporting;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.UnitTests.Support;

namespace Platform.UnitTests.CommOverlap;

[Collection(LibTorchCollection.Name)]
public sealed class CpuRealTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task The_fused_schedule_reduces_to_the_same_chunks_as_gemm_then_ring(int ranks)
    {
        var parameters = new CommOverlapParameters { Mode = RunMode.CpuReal, CpuRanks = ranks, CpuHidden = 64, CpuTokens = 128, CpuRepeats = 2 };
        var context = new RecordingRunContext();
        IExperiment experiment = new CommOverlapExperiment();

        var summary = await experiment.RunAsync(parameters, context, TestContext.Current.CancellationToken);

        Assert.Equal(0, summary.Metrics[CommOverlapMetrics.CpuMaxAbsDifference]);
        Assert.Equal((ranks - 1) * ranks * (128 / ranks) * 64 * 4, summary.Metrics[CommOverlapMetrics.CpuBytesCopied]);
        Assert.True(summary.Metrics[CommOverlapMetrics.CpuFusedMs] > 0);
        var claim = Assert.Single(summary.Claims);
        Assert.Equal(ClaimBasis.NotComparable, claim.Basis);
        Assert.Null(claim.Verdict);
        Assert.Contains("CPU", claim.Note, StringComparison.Ordinal);
        Assert.Equal(2, context.Series(CommOverlapMetrics.CpuWallMs("fused")).Count);
        Assert.Contains(context.Lines, line => line.Contains("no near-memory reduction", StringComparison.Ordinal));
    }
}
