using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Experiments.Contract.Parameters;

namespace Platform.Web.Studies.Sweeps;

/// <summary>
/// Reads a study's <c>sweep</c>: <c>{"grid": {"field": [v1, v2]}}</c> and/or
/// <c>{"sample": {"field": {"min": a, "max": b, "log": true}}, "count": n, "method": "random" | "latin-hypercube"}</c>.
/// Every value is checked against its field's rules here, so an error names the value's own path
/// (<c>sweep.grid.rounds[2]</c>); the cross-field rules are checked later, point by point.
/// </summary>
public static class SweepReader
{
    public const string RandomMethod = "random";
    public const string LatinHypercubeMethod = "latin-hypercube";

    private static readonly string[] s_keys = ["grid", "sample", "count", "method"];

    public static IReadOnlyList<SweepAxis> Read(
        JsonElement? sweep, IReadOnlyDictionary<string, PropertyInfo> fields, long studySeed, int maxRuns, Dictionary<string, string[]> errors)
    {
        if (sweep is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["sweep"] = ["'sweep' must be an object with 'grid' and/or 'sample' (with 'count')."];
            return [];
        }

        foreach (var key in element.EnumerateObject().Select(p => p.Name).Where(k => !s_keys.Contains(k)))
        {
            errors[$"sweep.{key}"] = [$"Unknown sweep key '{key}'. Known keys: {string.Join(", ", s_keys)}."];
        }

        var axes = new List<SweepAxis>();
        if (element.TryGetProperty("grid", out var grid))
        {
            axes.AddRange(GridAxes(grid, fields, errors));
        }

        if (element.TryGetProperty("sample", out var sample))
        {
            axes.AddRange(SampledAxes(sample, element, fields, studySeed, maxRuns, errors));
        }
        else if (element.TryGetProperty("count", out _) || element.TryGetProperty("method", out _))
        {
            errors["sweep.count"] = ["'count' and 'method' belong to a 'sample' sweep; this sweep has no 'sample'."];
        }

        foreach (var duplicate in axes.GroupBy(a => a.Field).Where(g => g.Count() > 1))
        {
            errors[$"sweep.sample.{duplicate.Key}"] = [$"'{duplicate.Key}' is both in 'grid' and in 'sample'; sweep it one way."];
        }

        return axes;
    }

    private static IEnumerable<SweepAxis> GridAxes(JsonElement grid, IReadOnlyDictionary<string, PropertyInfo> fields, Dictionary<string, string[]> errors)
    {
        if (grid.ValueKind != JsonValueKind.Object)
        {
            errors["sweep.grid"] = ["'grid' must be an object mapping each swept parameter to a list of values."];
            yield break;
        }

        foreach (var axis in grid.EnumerateObject())
        {
            var path = $"sweep.grid.{axis.Name}";
            if (!fields.TryGetValue(axis.Name, out var property))
            {
                errors[path] = [UnknownField(axis.Name, fields)];
                continue;
            }

            if (axis.Value.ValueKind != JsonValueKind.Array || axis.Value.GetArrayLength() == 0)
            {
                errors[path] = [$"'{axis.Name}' must be a non-empty list of values."];
                continue;
            }

            var values = new List<SweepValue>();
            foreach (var (item, index) in axis.Value.EnumerateArray().Select((v, i) => (v, i)))
            {
                var itemPath = $"{path}[{index}]";
                var value = JsonNode.Parse(item.GetRawText());
                var problems = ParameterBinder.CheckField(property, value);
                if (problems.Count > 0)
                {
                    errors[itemPath] = [.. problems];
                }

                values.Add(new SweepValue(value, itemPath));
            }

            yield return new SweepAxis(axis.Name, values, Sampled: false);
        }
    }

    private static List<SweepAxis> SampledAxes(
        JsonElement sample, JsonElement sweep, IReadOnlyDictionary<string, PropertyInfo> fields, long studySeed, int maxRuns,
        Dictionary<string, string[]> errors)
    {
        var count = ReadCount(sweep, maxRuns, errors);
        var method = ReadMethod(sweep, errors);
        if (sample.ValueKind != JsonValueKind.Object)
        {
            errors["sweep.sample"] = ["'sample' must be an object mapping each sampled parameter to {\"min\", \"max\", \"log\"}."];
            return [];
        }

        var ranges = new List<SampleRange>();
        foreach (var axis in sample.EnumerateObject())
        {
            if (SampleRange.Read(axis, fields, errors) is { } range)
            {
                ranges.Add(range);
            }
        }

        if (count is not { } n || method is null || ranges.Count == 0)
        {
            return [];
        }

        var fractions = UnitSamples.Draw(method, ranges.Count, n, studySeed);
        return [.. ranges.Select((range, d) => range.Axis(fractions[d], errors))];
    }

    private static int? ReadCount(JsonElement sweep, int maxRuns, Dictionary<string, string[]> errors)
    {
        if (sweep.TryGetProperty("count", out var count) && count.ValueKind == JsonValueKind.Number
            && count.TryGetInt32(out var n) && n >= 1 && n <= maxRuns)
        {
            return n;
        }

        errors["sweep.count"] = [$"A 'sample' sweep needs 'count': how many points to draw, a whole number from 1 to {maxRuns}."];
        return null;
    }

    private static string? ReadMethod(JsonElement sweep, Dictionary<string, string[]> errors)
    {
        if (!sweep.TryGetProperty("method", out var method))
        {
            return LatinHypercubeMethod;
        }

        if (method.ValueKind == JsonValueKind.String && method.GetString() is RandomMethod or LatinHypercubeMethod)
        {
            return method.GetString();
        }

        errors["sweep.method"] = [$"'method' must be '{RandomMethod}' or '{LatinHypercubeMethod}' (the default)."];
        return null;
    }

    internal static string UnknownField(string name, IReadOnlyDictionary<string, PropertyInfo> fields)
    {
        var quoted = name.Length <= 64 ? name : name[..64] + "…";
        return $"Unknown parameter '{quoted}'. Known parameters: {string.Join(", ", fields.Keys)}.";
    }
}
