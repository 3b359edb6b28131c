using System.Text.Json.Nodes;

namespace Platform.Web.Forms;

/// <summary>A field's text parsed to its JSON value, or the first problem with it.</summary>
public readonly record struct FieldValue(JsonNode? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static FieldValue Ok(JsonNode? value) => new(value, null);

    public static FieldValue Fail(string error) => new(null, error);
}
