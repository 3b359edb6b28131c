using System.Globalization;

namespace Platform.Web.Components.Shared;

/// <summary>Numbers as tables show them: four significant digits, thousands apart, no exponent for everyday sizes.</summary>
public static class NumberFormat
{
    public static string Short(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return value.ToString("#,0", CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        if (magnitude is >= 1e6 or < 1e-3) return value.ToString("0.###e0", CultureInfo.InvariantCulture);
        return value.ToString(magnitude >= 100 ? "#,0.#" : magnitude >= 1 ? "0.###" : "0.####", CultureInfo.InvariantCulture);
    }
}
