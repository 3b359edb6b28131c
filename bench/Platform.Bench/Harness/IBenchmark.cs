namespace Platform.Bench.Harness;

public interface IBenchmark
{
    /// <summary>Short name used by <c>--only</c> and in the table.</summary>
    string Name { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
