namespace Platform.Bench.Harness;

/// <summary>
/// Bounds a wait that has no timeout of its own (a script evaluated in a page, a benchmark as a whole). A browser
/// whose compositor stops producing frames never settles a script awaiting one; without a bound the bench, and with
/// it CI, would wait until killed.
/// </summary>
public static class Deadline
{
    public static async Task<T> WithinAsync<T>(Task<T> task, TimeSpan limit, string what)
    {
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException e) when (!task.IsCompleted)
        {
            throw new TimeoutException($"{what} did not finish within {limit.TotalSeconds:0} s.", e);
        }
    }

    public static Task WithinAsync(Task task, TimeSpan limit, string what) =>
        WithinAsync(Completion(task), limit, what);

    private static async Task<bool> Completion(Task task)
    {
        await task;
        return true;
    }
}
