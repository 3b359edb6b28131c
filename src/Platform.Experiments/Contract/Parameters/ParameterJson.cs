using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Experiments.Contract.Parameters;

/// <summary>How parameter records look on the wire and in the database: camelCase, enums as strings.</summary>
public static class ParameterJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static string Serialize(object parameters) => JsonSerializer.Serialize(parameters, parameters.GetType(), Options);

    public static object Deserialize(string json, Type type) =>
        JsonSerializer.Deserialize(json, type, Options) ?? throw new JsonException("Parameters must be a JSON object.");
}
