using System.Globalization;

namespace Platform.Web.Forms;

/// <summary>Bounds as people read them: 1,000,000 rather than 1000000; fractions as they are (0.0001).</summary>
internal static class NumberText
{
    public static string Of(double value) =>
        Math.Floor(value) == value && Math.Abs(value) >= 10_000
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("G", CultureInfo.InvariantCulture);
}
