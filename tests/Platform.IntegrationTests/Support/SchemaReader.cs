using System.Text.Json;

namespace Platform.IntegrationTests.Support;

/// <summary>Reads schemas out of an OpenAPI document, following references and the "this or null" form of nullable ones.</summary>
internal sealed class SchemaReader(JsonElement document)
{
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly JsonElement _schemas = document.GetProperty("components").GetProperty("schemas");

    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(_schemas.GetProperty(reference.GetString()![ComponentPrefix.Length..]));
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options) && options.EnumerateArray().Where(o => !IsNull(o)).ToList() is [var only])
            {
                return Resolve(only);
            }
        }

        return schema;
    }

    public JsonElement Property(string component, string name) =>
        Resolve(_schemas.GetProperty(component).GetProperty("properties").GetProperty(name));

    public JsonElement Items(JsonElement arraySchema) => Resolve(Resolve(arraySchema).GetProperty("items"));

    /// <summary>The words an enum property may take, nulls left out.</summary>
    public List<string> EnumWords(JsonElement objectSchema, string property) =>
        Resolve(objectSchema.GetProperty("properties").GetProperty(property)).GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();

    private static bool IsNull(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";
}
