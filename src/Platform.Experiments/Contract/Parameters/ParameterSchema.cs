using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Platform.Experiments.Contract.Parameters;

/// <summary>
/// The JSON Schema of a parameter record, from System.Text.Json's exporter enriched with each knob's help,
/// range, choices and default, so that clients and the dashboard's form need nothing else.
/// </summary>
public static class ParameterSchema
{
    public static JsonObject Generate(Type type)
    {
        var defaults = JsonSerializer.SerializeToNode(Activator.CreateInstance(type), type, ParameterJson.Options)!.AsObject();
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Describe };
        var schema = ParameterJson.Options.GetJsonSchemaAsNode(type, exporter).AsObject();
        schema["additionalProperties"] = false;
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, node) in properties)
            {
                if (node is JsonObject property && defaults[name] is { } value)
                {
                    property["default"] = value.DeepClone();
                }
            }
        }

        return schema;
    }

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.PropertyInfo?.AttributeProvider is not ICustomAttributeProvider provider || schema is not JsonObject node)
        {
            return schema;
        }

        var rules = provider.GetCustomAttributes(typeof(ParameterAttribute), inherit: false).OfType<ParameterAttribute>().FirstOrDefault();
        if (rules is null)
        {
            return schema;
        }

        node["description"] = rules.Description;
        var target = node["items"] as JsonObject ?? node;
        if (!double.IsNaN(rules.Minimum)) target["minimum"] = rules.Minimum;
        if (!double.IsNaN(rules.Maximum)) target["maximum"] = rules.Maximum;
        if (rules.Choices is { Length: > 0 } choices) target["enum"] = new JsonArray(choices.Select(c => (JsonNode)c!).ToArray());
        if (rules.MinItems > 0) node["minItems"] = rules.MinItems;
        if (rules.MaxItems > 0) node["maxItems"] = rules.MaxItems;
        if (rules.MaxLength > 0) target["maxLength"] = rules.MaxLength;
        if (rules.Upload) node["x-upload"] = true;
        if (rules.Dataset is { } formats) node["x-dataset"] = new JsonArray(formats.Select(f => (JsonNode)f!).ToArray());
        if (rules.Main) node["x-main"] = true;
        if (rules.When?.Split('=', 2) is [var field, var values])
        {
            node["x-when"] = new JsonObject { [field] = new JsonArray(values.Split('|').Select(v => (JsonNode)v!).ToArray()) };
        }

        return node;
    }
}
