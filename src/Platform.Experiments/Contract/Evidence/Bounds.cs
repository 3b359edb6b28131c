using System.Text.Json.Serialization;

namespace Platform.Experiments.Contract.Evidence;

/// <summary>A closed interval <c>[Low, High]</c>: a paper's tolerance band, or the range a claim takes over its assumptions.</summary>
public readonly record struct Bounds
{
    [JsonConstructor]
    public Bounds(double low, double high)
    {
        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
        {
            throw new ArgumentException($"An interval needs low <= high, got [{low}, {high}].");
        }

        Low = low;
        High = high;
    }

    public double Low { get; }

    public double High { get; }

    [JsonIgnore]
    public double Width => High - Low;

    /// <summary>A paper's figure with a symmetric tolerance, e.g. 30 ± 3 for a "30%" read to whole points' precision.</summary>
    public static Bounds Around(double value, double tolerance) => new(value - tolerance, value + tolerance);

    public static Bounds Point(double value) => new(value, value);

    /// <summary>The smallest interval holding every value; NaNs (a diverged evaluation) make the range unknown.</summary>
    public static Bounds? Of(IEnumerable<double> values)
    {
        var (low, high, any) = (double.PositiveInfinity, double.NegativeInfinity, false);
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                return null;
            }

            (low, high, any) = (Math.Min(low, value), Math.Max(high, value), true);
        }

        return any ? new Bounds(low, high) : null;
    }

    public bool Contains(double value) => value >= Low && value <= High;

    public bool Contains(Bounds other) => other.Low >= Low && other.High <= High;

    public bool Overlaps(Bounds other) => other.Low <= High && other.High >= Low;

    public override string ToString() => $"[{Low:G4}, {High:G4}]";
}
