using System.Text.Json;
using Platform.Core.Runs;

namespace Platform.Web.Compare;

/// <summary>The parameter table of a comparison: every parameter name, the value per run, and which ones differ.</summary>
public sealed record ParameterDiff(IReadOnlyList<string> Names, IReadOnlySet<string> Differing, IReadOnlyList<IReadOnlyDictionary<string, string>> Values)
{
    public const string Missing = "—";

    public static ParameterDiff Of(IReadOnlyList<RunDto> runs)
    {
        var values = runs.Select(Flatten).ToList();
        var names = values.SelectMany(v => v.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var differing = names
            .Where(name => values.Select(v => v.GetValueOrDefault(name, Missing)).Distinct().Skip(1).Any())
            .ToHashSet();
        return new ParameterDiff(names, differing, values);
    }

    /// <summary>A short label for a run from the parameters that differ, e.g. "lr=0.1 rounds=20".</summary>
    public string LabelOf(int run) => string.Join(" ", Names.Where(Differing.Contains).Where(n => n != "seed").Take(3)
        .Select(n => $"{n}={Values[run].GetValueOrDefault(n, Missing)}"));

    private static Dictionary<string, string> Flatten(RunDto run)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = run.Kind, ["seed"] = run.Seed.ToString() };
        if (run.Parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in run.Parameters.EnumerateObject())
            {
                result[field.Name] = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText();
            }
        }

        return result;
    }
}
