using System.Globalization;

namespace Platform.Web.Studies;

/// <summary>
/// A numeric field swept over <see cref="Count"/> evenly spaced values from <see cref="Min"/> to <see cref="Max"/> (both
/// included), evenly in log space when <see cref="Log"/>. The form expands it into a grid list, so the server checks and
/// names each value as it does a typed list (<c>sweep.grid.field[i]</c>).
/// </summary>
public sealed record SweepRange(double? Min, double? Max, int Count, bool Log)
{
    public const int MaxCount = 1000;

    public static SweepRange Empty { get; } = new(null, null, 3, false);

    /// <summary>Why the range gives no values, or null when it is usable.</summary>
    public string? Error => (Min, Max) switch
    {
        (null, _) or (_, null) => "Give both ends of the range.",
        _ when Count is < 2 or > MaxCount => $"The count must be between 2 and {MaxCount}.",
        ({ } min, { } max) when min >= max => "The range's start must be below its end.",
        ({ } min, _) when Log && min <= 0 => "A log range must start above 0.",
        _ => null,
    };

    /// <summary>The values as text; for an integer field rounded, with repeats dropped (so maybe fewer than the count).</summary>
    public IReadOnlyList<string> Values(bool integer)
    {
        if (Error is not null)
        {
            return [];
        }

        var (min, max) = (Min!.Value, Max!.Value);
        var values = Enumerable.Range(0, Count).Select(i => At(min, max, i / (double)(Count - 1)));
        return integer
            ? [.. values.Select(v => Math.Round(v, MidpointRounding.AwayFromZero)).Distinct().Select(v => v.ToString("R", CultureInfo.InvariantCulture))]
            : [.. values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture))];
    }

    private double At(double min, double max, double fraction) =>
        Log ? Math.Exp(Math.Log(min) + (fraction * (Math.Log(max) - Math.Log(min)))) : min + (fraction * (max - min));
}
