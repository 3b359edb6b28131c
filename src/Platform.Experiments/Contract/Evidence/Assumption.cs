namespace Platform.Experiments.Contract.Evidence;

/// <summary>
/// A constant the run needs that it neither measures nor takes from the paper (a device's slowdown, a burstiness, an
/// interference curve...): the value used, the range a reviewer would find plausible, and why that range.
/// </summary>
public sealed record Assumption(string Name, double Value, double Low, double High, string Unit, string Why)
{
    public Bounds Range => new(Low, High);

    /// <summary>Checks the declaration itself: a value outside its own plausible range is a programming error.</summary>
    public static Assumption Declare(string name, double value, double low, double high, string unit, string why)
    {
        if (!(low <= value && value <= high))
        {
            throw new ArgumentException($"Assumption '{name}' = {value} lies outside its declared range [{low}, {high}].");
        }

        return new Assumption(name, value, low, high, unit, why);
    }
}
