using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Web.Forms;

namespace Platform.Web.Studies;

/// <summary>
/// The New-study form: the New-run form's fields (its <see cref="RunForm"/>, used as is) for the base, per field a list
/// of values or (numeric fields) a range and a count to sweep it over, and the seeds per point. Builds the request the
/// API takes and puts the server's answer back at the field a sweep path names.
/// </summary>
public sealed class StudyForm(RunForm run)
{
    private readonly Dictionary<string, string> _sweeps = [];
    private readonly Dictionary<string, SweepRange> _ranges = [];
    private readonly HashSet<string> _byRange = [];
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

    /// <summary>Whether the field is swept over a range (and count) rather than a typed list.</summary>
    public bool SweepsByRange(string field) => _byRange.Contains(field);

    public void SetSweepByRange(string field, bool byRange)
    {
        if (!byRange || IsNumeric(field))
        {
            _ = byRange ? _byRange.Add(field) : _byRange.Remove(field);
            _sweepErrors.Remove(field);
        }
    }

    public SweepRange Range(string field) => _ranges.GetValueOrDefault(field, SweepRange.Empty);

    public void SetRange(string field, SweepRange range)
    {
        _ranges[field] = range;
        _sweepErrors.Remove(field);
    }

    /// <summary>The values a range gives, as they will be sent (integer fields rounded).</summary>
    public IReadOnlyList<string> RangeValues(string field) => Range(field).Values(Field(field)?.Kind == FieldKind.Integer);

    public bool IsNumeric(string field) => Field(field)?.Kind is FieldKind.Integer or FieldKind.Number;

    /// <summary>The server's message for the field's sweep, else an unusable range's own (a range left empty is no sweep).</summary>
    public string? SweepError(string field) =>
        _sweepErrors.GetValueOrDefault(field)
        ?? (SweepsByRange(field) && Range(field) is { Error: { } error } range && range != SweepRange.Empty ? error : null);

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

    private IEnumerable<(string Field, IReadOnlyList<string> Values)> Swept()
    {
        foreach (var field in Run.Parameters.Select(f => f.Name))
        {
            var values = SweepsByRange(field) ? RangeValues(field)
                : SweepText(field).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.Count > 0)
            {
                yield return (field, values);
            }
        }
    }

    private FormField? Field(string name) => Run.Parameters.FirstOrDefault(f => f.Name == name);

    /// <summary>A number or true/false as JSON of that kind, anything else as text: the server says if the field disagrees.</summary>
    private static JsonNode? Value(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
        : bool.TryParse(text, out var flag) ? JsonValue.Create(flag)
        : JsonValue.Create(text);
}
