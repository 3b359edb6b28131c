using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Experiments.Contract.Parameters;

namespace Platform.Web.Forms;

/// <summary>
/// Builds the form fields of a parameter record, in the record's order, each holding its default: how each is
/// edited and described comes from the record's JSON Schema (<see cref="ParameterSchema.Generate"/>), and each is
/// checked with <see cref="ParameterBinder.CheckField"/>, the API's own rules and words.
/// </summary>
public static class FormFieldFactory
{
    public static IReadOnlyList<FormField> For(Type parametersType)
    {
        var properties = ParameterBinder.Fields(parametersType);
        return FromSchema(ParameterSchema.Generate(parametersType), name => properties.TryGetValue(name, out var property)
            ? value => ParameterBinder.CheckField(property, value)
            : null);
    }

    private static List<FormField> FromSchema(JsonObject schema, Func<string, FieldCheck?> checkOf)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return [];
        }

        var fields = new List<FormField>();
        foreach (var (name, node) in properties)
        {
            if (node is JsonObject property)
            {
                var field = Create(name, property, checkOf(name));
                field.Reset();
                fields.Add(field);
            }
        }

        return fields;
    }

    private static FormField Create(string name, JsonObject property, FieldCheck? check)
    {
        var items = property["items"] as JsonObject;
        var rules = items ?? property;
        var choices = Choices(rules);
        return new FormField
        {
            Name = name,
            Kind = KindOf(property, items, choices),
            Label = FieldLabel.Of(name),
            Description = (string?)property["description"],
            Minimum = Number(rules["minimum"]),
            Maximum = Number(rules["maximum"]),
            MaxLength = (int?)Number(rules["maxLength"]),
            MinItems = (int?)Number(property["minItems"]),
            MaxItems = (int?)Number(property["maxItems"]),
            Choices = choices,
            DatasetFormats = property["x-dataset"] is JsonArray formats ? [.. formats.Select(f => (string?)f).OfType<string>()] : [],
            Optional = IsNullable(property),
            Default = property["default"]?.DeepClone(),
            Main = property["x-main"]?.GetValueKind() == JsonValueKind.True,
            When = property["x-when"] is JsonObject when && when.FirstOrDefault() is ({ } on, JsonArray values)
                ? (on, [.. values.Select(v => (string?)v).OfType<string>()]) : null,
            Check = check ?? (static _ => []),
        };
    }

    private static FieldKind KindOf(JsonObject property, JsonObject? items, IReadOnlyList<string> choices)
    {
        var types = Types(property);
        if (types.SetEquals(["array"]) && items is not null)
        {
            var itemTypes = Types(items);
            return choices.Count > 0 ? FieldKind.ChoiceList
                : itemTypes.SetEquals(["integer"]) ? FieldKind.IntegerList
                : itemTypes.SetEquals(["number"]) ? FieldKind.NumberList
                : itemTypes.SetEquals(["string"]) ? FieldKind.TextList
                : FieldKind.Json;
        }

        // An enum of a CLR enum type comes without a "type"; one from Choices comes as a string.
        if (choices.Count > 0 && (types.Count == 0 || types.SetEquals(["string"])))
        {
            return FieldKind.Choice;
        }

        return types.Count != 1 ? FieldKind.Json : types.First() switch
        {
            "boolean" => FieldKind.Boolean,
            "integer" => FieldKind.Integer,
            "number" => FieldKind.Number,
            "string" => property["x-dataset"] is JsonArray ? FieldKind.Dataset : property["x-upload"]?.GetValueKind() == JsonValueKind.True ? FieldKind.Upload : FieldKind.Text,
            _ => FieldKind.Json,
        };
    }

    /// <summary>The schema's types other than "null" (a nullable property lists ["integer", "null"]).</summary>
    private static HashSet<string> Types(JsonObject node) => node["type"] switch
    {
        JsonArray many => many.Select(t => (string?)t).OfType<string>().Where(t => t != "null").ToHashSet(),
        JsonValue one when (string?)one is { } type && type != "null" => [type],
        _ => [],
    };

    private static bool IsNullable(JsonObject node) =>
        node["type"] is JsonArray many && many.Any(t => (string?)t == "null")
        || node["enum"] is JsonArray values && values.Any(v => v is null);

    private static IReadOnlyList<string> Choices(JsonObject node) =>
        node["enum"] is JsonArray values ? values.OfType<JsonValue>().Select(v => v.ToString()).ToList() : [];

    // The schema's numbers come as JSON text or as CLR ints and doubles, depending on who wrote the node.
    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
