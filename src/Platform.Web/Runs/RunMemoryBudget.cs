using Platform.Experiments.Contract;

namespace Platform.Web.Runs;

/// <summary>
/// Refuses a run whose family estimates a peak memory over the per-run limit, before it is queued: a worker would
/// otherwise find out by being killed, taking the other runs it holds with it.
/// </summary>
internal static class RunMemoryBudget
{
    public static void Check(object parameters, long limit, Dictionary<string, string[]> errors)
    {
        if (parameters is not IEstimatesPeakMemory estimating || estimating.EstimatePeakMemory() is not { } estimate || estimate.Bytes <= limit)
        {
            return;
        }

        var message = $"This run would hold about {MemoryEstimate.Format(estimate.Bytes)} at its peak ({estimate.Describe()}), " +
            $"over the limit of {MemoryEstimate.Format(limit)} per run (Limits:MaxRunMemoryBytes). Lower this field or the others named.";
        foreach (var field in estimate.Drivers())
        {
            errors[$"parameters.{field}"] = [message];
        }
    }
}
