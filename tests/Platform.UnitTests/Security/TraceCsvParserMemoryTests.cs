using System.Text;
using Platform.Experiments.ServingThroughput.Workloads;

namespace Platform.UnitTests.Security;

public sealed class TraceCsvParserMemoryTests
{
    [Fact]
    public void Checking_a_trace_of_a_million_lines_allocates_no_more_than_checking_one()
    {
        // About 4 million characters, the upload limit: a parser that split lines into strings would allocate ~100 MB.
        var trace = new StringBuilder("ContextTokens,GeneratedTokens\n").Insert(30, "7,3\n", 1_000_000).ToString();
        TraceCsvParser.TryParse("ContextTokens,GeneratedTokens\n7,3\n", out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = TraceCsvParser.TryParse(trace, out var stats, out var error);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(parsed, error);
        Assert.Equal(1_000_000, stats!.Requests);
        Assert.True(allocated < 64 * 1024, $"checking {trace.Length} characters allocated {allocated} bytes");
    }
}
