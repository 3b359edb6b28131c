using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Experiments.Contract.Parameters;

namespace Platform.Web.Studies.Sweeps;

/// <summary>A sampled parameter's range: <c>{"min": a, "max": b, "log": true}</c>; whole-number fields get rounded values.</summary>
public sealed record SampleRange(string Field, PropertyInfo Property, double Min, double Max, bool Log)
{
    private string Path => $"sweep.sample.{Field}";

    public static SampleRange? Read(JsonProperty axis, IReadOnlyDictionary<string, PropertyInfo> fields, Dictionary<string, string[]> errors)
    {
        var path = $"sweep.sample.{axis.Name}";
        if (!fields.TryGetValue(axis.Name, out var property))
        {
            errors[path] = [SweepReader.UnknownField(axis.Name, fields)];
            return null;
        }

        if (!IsNumber(property.PropertyType))
        {
            errors[path] = [$"'{axis.Name}' is not a number and cannot be sampled from a range; list its values under 'grid'."];
            return null;
        }

        if (axis.Value.ValueKind != JsonValueKind.Object)
        {
            errors[path] = [$"'{axis.Name}' must be {{\"min\": number, \"max\": number, \"log\": true|false}}."];
            return null;
        }

        var min = Bound(axis.Value, "min", property, path, errors);
        var max = Bound(axis.Value, "max", property, path, errors);
        var log = false;
        if (axis.Value.TryGetProperty("log", out var logValue))
        {
            if (logValue.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                log = logValue.GetBoolean();
            }
            else
            {
                errors[$"{path}.log"] = ["'log' must be true or false."];
            }
        }

        if (min is not { } low || max is not { } high)
        {
            return null;
        }

        if (low > high)
        {
            errors[path] = [$"'min' ({low}) must not exceed 'max' ({high})."];
            return null;
        }

        if (log && low <= 0)
        {
            errors[$"{path}.min"] = ["A log range needs 'min' above 0."];
            return null;
        }

        return new SampleRange(axis.Name, property, low, high, log);
    }

    /// <summary>The axis at these unit fractions; each value is checked against the field's rules under this range's path.</summary>
    public SweepAxis Axis(IReadOnlyList<double> fractions, Dictionary<string, string[]> errors)
    {
        var values = new List<SweepValue>(fractions.Count);
        foreach (var u in fractions)
        {
            var x = Log ? Math.Exp(Math.Log(Min) + (u * (Math.Log(Max) - Math.Log(Min)))) : Min + (u * (Max - Min));
            x = Math.Clamp(x, Min, Max);
            JsonNode value = IsWhole(Property.PropertyType) ? JsonValue.Create((long)Math.Round(x)) : JsonValue.Create(x);
            if (ParameterBinder.CheckField(Property, value) is { Count: > 0 } problems)
            {
                errors[Path] = [.. problems];
            }

            values.Add(new SweepValue(value, Path));
        }

        return new SweepAxis(Field, values, Sampled: true);
    }

    private static double? Bound(JsonElement range, string name, PropertyInfo property, string path, Dictionary<string, string[]> errors)
    {
        if (!range.TryGetProperty(name, out var bound) || bound.ValueKind != JsonValueKind.Number || !bound.TryGetDouble(out var value))
        {
            errors[$"{path}.{name}"] = [$"'{name}' must be a number."];
            return null;
        }

        if (ParameterBinder.CheckField(property, JsonNode.Parse(bound.GetRawText())) is { Count: > 0 } problems)
        {
            errors[$"{path}.{name}"] = [.. problems];
            return null;
        }

        return value;
    }

    private static bool IsNumber(Type type) =>
        IsWhole(type) || Underlying(type) == typeof(double) || Underlying(type) == typeof(float) || Underlying(type) == typeof(decimal);

    private static bool IsWhole(Type type) => Underlying(type) == typeof(int) || Underlying(type) == typeof(long) || Underlying(type) == typeof(short);

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
