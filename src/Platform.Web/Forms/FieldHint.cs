namespace Platform.Web.Forms;

/// <summary>The rules of a field in a few words, shown under it: "whole number, 16 to 4096".</summary>
public static class FieldHint
{
    public static string Of(FormField field)
    {
        var parts = new List<string>();
        switch (field.Kind)
        {
            case FieldKind.Integer:
                parts.Add("whole number" + Range(field));
                break;
            case FieldKind.Number:
                parts.Add("number" + Range(field));
                break;
            case FieldKind.IntegerList:
                parts.Add("whole numbers, comma-separated" + Each(field));
                break;
            case FieldKind.NumberList:
                parts.Add("numbers, comma-separated" + Each(field));
                break;
            case FieldKind.TextList:
                parts.Add("comma-separated");
                break;
            case FieldKind.Json:
                parts.Add("JSON");
                break;
        }

        if (Items(field) is { } items) parts.Add(items);
        if (field.MaxLength is { } length && field.Kind is FieldKind.Text or FieldKind.Upload) parts.Add($"at most {length:N0} characters");
        if (field.Optional) parts.Add("optional");
        return string.Join("; ", parts);
    }

    private static string Range(FormField field) => (field.Minimum, field.Maximum) switch
    {
        ({ } min, { } max) => $", {F(min)} to {F(max)}",
        ({ } min, null) => $", at least {F(min)}",
        (null, { } max) => $", at most {F(max)}",
        _ => "",
    };

    private static string Each(FormField field) => Range(field) is { Length: > 0 } range ? ", each" + range[1..] : "";

    private static string? Items(FormField field) => (field.MinItems, field.MaxItems) switch
    {
        ({ } min, { } max) when min == max => $"exactly {Count(min)}",
        ({ } min, { } max) => $"{min} to {max} items",
        ({ } min, null) => $"at least {Count(min)}",
        (null, { } max) => $"at most {Count(max)}",
        _ => null,
    };

    private static string Count(int items) => items == 1 ? "1 item" : $"{items} items";

    private static string F(double value) => NumberText.Of(value);
}
