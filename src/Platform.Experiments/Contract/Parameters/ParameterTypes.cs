using System.Collections;
using System.Reflection;

namespace Platform.Experiments.Contract.Parameters;

/// <summary>Type facts the binder needs for messages and range checks.</summary>
internal static class ParameterTypes
{
    private static readonly NullabilityInfoContext s_nullability = new();

    public static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && s_nullability.Create(property).WriteState == NullabilityState.Nullable);

    public static double? AsDouble(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        _ => null,
    };

    public static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int) || t == typeof(long)) return "an integer";
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return "a number";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(Guid)) return "a dataset id (a UUID)";
        if (t == typeof(string)) return "a string";
        if (t.IsEnum) return "one of: " + string.Join(", ", Enum.GetNames(t).Select(n => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(n)));
        if (t.IsArray) return "a list of " + Plural(t.GetElementType()!);
        if (t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t)) return "a list of " + Plural(t.GetGenericArguments()[0]);
        return "an object";
    }

    private static string Plural(Type element) => Describe(element) switch
    {
        "an integer" => "integers",
        "a number" => "numbers",
        "a string" => "strings",
        var other => other,
    };
}
