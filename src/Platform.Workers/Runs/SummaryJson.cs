using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Workers.Runs;

/// <summary>How summaries are stored: camelCase, verdicts as words, NaN allowed (a diverged run is a result).</summary>
public static class SummaryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
