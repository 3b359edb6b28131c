using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Experiments.Contract.Parameters;

/// <summary>
/// Binds submitted JSON to a family's parameter record field by field, so that every problem is reported
/// against its field: an unknown name (a typo must not fall back to a default), a wrong type, a value out of
/// range, or a broken cross-field rule. Missing fields keep their defaults.
/// </summary>
public static class ParameterBinder
{
    public static ParameterBindingResult Bind(Type type, JsonElement? json)
    {
        var errors = new Dictionary<string, List<string>>();
        var value = Activator.CreateInstance(type) ?? throw new InvalidOperationException($"{type.Name} needs a parameterless constructor.");
        if (json is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return Fail("parameters", "Parameters must be a JSON object.");
            }

            var properties = ParameterProperties.Of(type);
            foreach (var field in element.EnumerateObject())
            {
                if (!properties.TryGetValue(field.Name, out var property))
                {
                    Add(errors, field.Name, $"Unknown parameter '{field.Name}'. Known parameters: {string.Join(", ", properties.Keys)}.");
                    continue;
                }

                BindField(value, property, field, errors);
            }
        }

        if (errors.Count == 0 && value is IValidatableParameters validatable)
        {
            foreach (var (field, message) in validatable.Validate())
            {
                Add(errors, field, message);
            }
        }

        return new ParameterBindingResult(errors.Count == 0 ? value : null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>The fields of a parameter record, keyed by their JSON (camelCase) name: what <see cref="CheckField"/> takes.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Fields(Type type) => ParameterProperties.Of(type);

    /// <summary>
    /// The problems <see cref="Bind"/> would report for <c>parameters.&lt;field&gt;</c> were <paramref name="value"/>
    /// submitted for <paramref name="property"/>, word for word: its type, null, NUL characters, range, choices,
    /// length and items. Cross-field rules (<see cref="IValidatableParameters"/>) need the whole record and are not
    /// checked. The dashboard's form shows these as the user types, so it and the API cannot disagree.
    /// </summary>
    public static IReadOnlyList<string> CheckField(PropertyInfo property, JsonNode? value)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
        return Convert(name, property, JsonSerializer.SerializeToElement(value), out _);
    }

    private static void BindField(object target, PropertyInfo property, JsonProperty field, Dictionary<string, List<string>> errors)
    {
        var problems = Convert(field.Name, property, field.Value, out var fieldValue);
        foreach (var problem in problems)
        {
            Add(errors, field.Name, problem);
        }

        if (problems.Count == 0)
        {
            property.SetValue(target, fieldValue);
        }
    }

    /// <summary>Reads one field's JSON into the property's type and checks it against the property's rules.</summary>
    private static List<string> Convert(string name, PropertyInfo property, JsonElement json, out object? fieldValue)
    {
        try
        {
            fieldValue = json.Deserialize(property.PropertyType, ParameterJson.Options);
        }
        catch (JsonException)
        {
            fieldValue = null;
            return [$"'{name}' must be {ParameterTypes.Describe(property.PropertyType)}."];
        }

        if (fieldValue is null && !ParameterTypes.IsNullable(property))
        {
            return [$"'{name}' must not be null."];
        }

        // PostgreSQL cannot store U+0000 in jsonb: let through, it would fail the insert with a 500 instead of naming the field.
        if ((fieldValue is string text && text.Contains('\0', StringComparison.Ordinal))
            || (fieldValue is IEnumerable<string?> texts && texts.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true)))
        {
            return [$"'{name}' must not contain the NUL character (U+0000)."];
        }

        return CheckRange(name, fieldValue, property.GetCustomAttribute<ParameterAttribute>()).ToList();
    }

    private static IEnumerable<string> CheckRange(string name, object? value, ParameterAttribute? rules)
    {
        if (rules is null || value is null)
        {
            yield break;
        }

        if (value is IList list)
        {
            if (rules.MinItems > 0 && list.Count < rules.MinItems)
                yield return $"'{name}' needs at least {rules.MinItems} item(s).";
            if (rules.MaxItems > 0 && list.Count > rules.MaxItems)
                yield return $"'{name}' allows at most {rules.MaxItems} item(s).";
            foreach (var item in list)
            {
                foreach (var problem in CheckScalar($"Each item of '{name}'", item, rules))
                    yield return problem;
            }

            yield break;
        }

        foreach (var problem in CheckScalar($"'{name}'", value, rules))
            yield return problem;
    }

    private static IEnumerable<string> CheckScalar(string subject, object? value, ParameterAttribute rules)
    {
        if (ParameterTypes.AsDouble(value) is { } number)
        {
            if (!double.IsFinite(number))
                yield return $"{subject} must be a finite number.";
            if (!double.IsNaN(rules.Minimum) && number < rules.Minimum)
                yield return $"{subject} must be at least {rules.Minimum} (got {number}).";
            if (!double.IsNaN(rules.Maximum) && number > rules.Maximum)
                yield return $"{subject} must be at most {rules.Maximum} (got {number}).";
        }
        else if (value is string { Length: var length } && rules.MaxLength > 0 && length > rules.MaxLength)
        {
            yield return $"{subject} must be at most {rules.MaxLength} characters (got {length}).";
        }
        else if (value is string text && rules.Choices is { Length: > 0 } choices && !choices.Contains(text, StringComparer.Ordinal))
        {
            yield return $"{subject} must be one of: {string.Join(", ", choices)} (got '{text}').";
        }
    }

    private static ParameterBindingResult Fail(string field, string message) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] });

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }
}
