using System.Text.Json;
using Platform.Workers.Runs;

namespace Platform.Web.Components.Shared.Evidence;

/// <summary>An enum's word as stored in summaries ("not-comparable", "partlySupported"): the pages' test hooks use it.</summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonSerializer.SerializeToElement(value, SummaryJson.Options).GetString()!;
}
