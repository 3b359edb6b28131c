namespace Platform.Experiments.CommOverlap;

/// <summary>
/// Whether the all-gather half of the all-reduce counts in a sublayer's time. T3 fuses only the reduce-scatter, so
/// a serial all-gather is paid by every variant alike.
/// </summary>
public enum AllGatherHandling
{
    Serial,
    Excluded,
}
