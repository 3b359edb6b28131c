using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;

namespace Platform.Web.Runs;

/// <summary>A preset's parameters with a submission's fields laid over them, field by field.</summary>
public static class PresetParameters
{
    public static JsonElement Merge(ExperimentPreset preset, JsonElement? overrides)
    {
        var merged = ToJson(preset);
        if (overrides is { ValueKind: JsonValueKind.Object } fields)
        {
            foreach (var field in fields.EnumerateObject())
            {
                merged[field.Name] = JsonNode.Parse(field.Value.GetRawText());
            }
        }
        else if (overrides is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } other)
        {
            // Not an object: let the binder report it against 'parameters'.
            return other;
        }

        return JsonSerializer.SerializeToElement(merged);
    }

    public static JsonObject ToJson(ExperimentPreset preset) =>
        JsonSerializer.SerializeToNode(preset.Parameters, preset.Parameters.GetType(), ParameterJson.Options)!.AsObject();
}
