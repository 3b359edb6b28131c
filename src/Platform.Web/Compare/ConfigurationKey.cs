using System.Text.Json;
using Platform.Core.Runs;

namespace Platform.Web.Compare;

/// <summary>
/// What makes two runs "the same configuration": the family and every parameter, with the seed left out. Fields are
/// sorted so that the order they were stored in does not matter.
/// </summary>
public static class ConfigurationKey
{
    public static string Of(RunDto run) => run.Kind + "|" + Canonical(run.Parameters);

    private static string Canonical(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", value.EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Canonical)) + "]",
        _ => value.GetRawText(),
    };
}
