namespace Platform.Web.Compare;

/// <summary>The band drawn around the mean of runs that share a configuration.</summary>
public enum BandKind
{
    MinMax,
    StandardDeviation,
}
