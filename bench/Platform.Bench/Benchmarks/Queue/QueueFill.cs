namespace Platform.Bench.Benchmarks.Queue;

/// <summary>Submits many runs from a few concurrent callers, as a busy API would; both queues get the same.</summary>
public static class QueueFill
{
    public const int Submitters = 4;

    public static Task FillAsync(int runs, Func<CancellationToken, Task> submitOne, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Submitters).Select(async s =>
        {
            for (var i = s; i < runs; i += Submitters)
            {
                await submitOne(cancellationToken);
            }
        }));
}
