using System.Text.Json;

namespace Platform.Experiments.CommOverlap.Reporting;

/// <summary>Enum values as they appear on the wire and in metric keys (kebab-case, as the parameter binder reads them).</summary>
public static class Names
{
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
