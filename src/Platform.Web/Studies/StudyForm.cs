using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Web.Forms;

namespace Platform.Web.Studies;

/// <summary>
/// The New-study form: the New-run form's fields (its <see cref="RunForm"/>, used as is) for the base, a list of values
/// per field to sweep it over, and the seeds per point. Builds the request the API takes and puts the server's answer
/// back at the field a sweep path names.
/// </summary>
public sealed class StudyForm(RunForm run)
{
    private readonly Dictionary<string, string> _sweeps = [];
    private readonly Dictionary<string, string> _sweepErrors = [];

    public RunForm Run { get; } = run;

    public int Seeds { get; set; } = 3;

    public IReadOnlyList<string> GeneralErrors { get; private set; } = [];

    /// <summary>The values a field is swept over, comma-separated; empty when the field keeps its base value.</summary>
    public string SweepText(string field) => _sweeps.GetValueOrDefault(field, "");

    public void SetSweepText(string field, string text)
    {
        _sweeps[field] = text;
        _sweepErrors.Remove(field);
    }

    public string? SweepError(string field) => _sweepErrors.GetValueOrDefault(field);

    /// <summary>Points (the product of the swept lists' lengths) × seeds: what the study will queue.</summary>
    public long RunCount => Swept().Aggregate(1L, (count, s) => count * s.Values.Count) * Math.Max(Seeds, 0);

    public SubmitStudyRequest ToRequest()
    {
        var run = Run.ToRequest();
        var grid = new JsonObject();
        foreach (var (field, values) in Swept())
        {
            grid[field] = new JsonArray([.. values.Select(Value)]);
        }

        JsonElement? sweep = grid.Count == 0 ? null : JsonSerializer.SerializeToElement(new JsonObject { ["grid"] = grid });
        return new SubmitStudyRequest(run.Kind, run.Preset, run.Parameters, sweep, Seeds, run.Seed, run.Tags);
    }

    /// <summary><c>sweep.grid.&lt;field&gt;[i]</c> goes to that field's sweep box; the rest as the New-run form places it.</summary>
    public void ApplyServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        const string Grid = "sweep.grid.";
        var rest = new Dictionary<string, string[]>();
        var general = new List<string>();
        foreach (var (key, messages) in errors)
        {
            if (key.StartsWith(Grid, StringComparison.Ordinal))
            {
                var field = key[Grid.Length..].Split('[')[0];
                _sweepErrors[field] = string.Join(" ", messages);
            }
            else if (key is "seeds" or "sweep")
            {
                general.AddRange(messages);
            }
            else
            {
                rest[key] = messages;
            }
        }

        Run.ApplyServerErrors(rest);
        GeneralErrors = [.. general, .. Run.GeneralErrors];
    }

    private IEnumerable<(string Field, IReadOnlyList<string> Values)> Swept() =>
        _sweeps.Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .Select(s => (s.Key, (IReadOnlyList<string>)s.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    /// <summary>A number or true/false as JSON of that kind, anything else as text: the server says if the field disagrees.</summary>
    private static JsonNode? Value(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
        : bool.TryParse(text, out var flag) ? JsonValue.Create(flag)
        : JsonValue.Create(text);
}
