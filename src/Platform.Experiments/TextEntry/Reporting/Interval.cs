namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>A point estimate with its 95% bootstrap interval.</summary>
public sealed record Interval(double Value, double Low, double High)
{
    public override string ToString() => $"{Value:F3} [{Low:F3}, {High:F3}]";
}
