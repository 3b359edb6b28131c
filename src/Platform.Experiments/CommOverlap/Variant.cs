namespace Platform.Experiments.CommOverlap;

/// <summary>The implementations compared per sublayer, from the serialized baseline to a perfect overlap.</summary>
public enum Variant
{
    Seq,
    SwOverlap,
    T3Nonmc,
    T3,
    T3Mca,
    Ideal,
}
