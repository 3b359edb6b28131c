using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Core.Runs;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Web.Runs;

namespace Platform.Web.Forms;

/// <summary>
/// The New-run form of one family: its parameter fields plus the run's seed and tags. Builds the submission the
/// API would receive and puts the server's answer back at the fields it names.
/// </summary>
public sealed class RunForm
{
    private string? _preset;
    private readonly Type _parametersType;
    private string? _ruleState;
    private IReadOnlyDictionary<string, string[]> _ruleErrors = new Dictionary<string, string[]>();

    private RunForm(string kind, Type parametersType, IReadOnlyList<FormField> parameters)
    {
        Kind = kind;
        _parametersType = parametersType;
        Parameters = parameters;
        foreach (var field in parameters)
        {
            field.RuleError = () => RuleErrors().TryGetValue(field.Name, out var messages) ? string.Join(" ", messages) : null;
        }
    }

    public string Kind { get; }

    public IReadOnlyList<FormField> Parameters { get; }

    /// <summary>Any whole number, as the API's <see cref="SubmitRunRequest.Seed"/> takes.</summary>
    public FormField Seed { get; } = new()
    {
        Name = "seed", Kind = FieldKind.Integer, Label = "Seed", Optional = true, Check = CheckSeed,
        Description = "Leave empty for a fresh random seed; it is recorded with the run so the run can be repeated.",
    };

    /// <summary>Checked with the API's <see cref="RunTags.Normalize"/>; the bounds are for the hint.</summary>
    public FormField Tags { get; } = new()
    {
        Name = "tags", Kind = FieldKind.TextList, Label = "Tags", Optional = true, Check = CheckTags,
        MaxItems = RunTags.MaxCount, MaxLength = RunTags.MaxLength,
        Description = "Comma-separated labels to find and group runs by: letters, digits, spaces and - _ . : / =",
    };

    /// <summary>The preset the values started from, sent with the submission (null: the family's defaults).</summary>
    public string? Preset { get => _preset; set { _preset = value; PresetError = null; } }

    /// <summary>The server's objection to <see cref="Preset"/>, shown at the preset picker.</summary>
    public string? PresetError { get; private set; }

    /// <summary>Server problems that belong to no field of the form.</summary>
    public IReadOnlyList<string> GeneralErrors { get; private set; } = [];

    public IEnumerable<FormField> AllFields => Parameters.Append(Seed).Append(Tags);

    /// <summary>The knobs shown first: those the family marks main, or all of them when it marks none.</summary>
    public IEnumerable<FormField> MainParameters => (Parameters.Any(f => f.Main) ? Parameters.Where(f => f.Main) : Parameters).Where(IsShown);

    /// <summary>The knobs under "Advanced", in the record's order.</summary>
    public IEnumerable<FormField> AdvancedParameters => Parameters.Any(f => f.Main) ? Parameters.Where(f => !f.Main && IsShown(f)) : [];

    /// <summary>
    /// Whether the knob applies to the values chosen so far (its <see cref="FormField.When"/>). One that does not is
    /// hidden but still sent, with the value it holds, so a study can sweep into it; it shows again if it is wrong.
    /// </summary>
    public bool Applies(FormField field) =>
        field.When is not { } when || Field(when.Field) is not { } on
        || when.Values.Contains(on.Kind == FieldKind.Boolean ? (on.Flag ? "true" : "false") : on.Text, StringComparer.Ordinal);

    private bool IsShown(FormField field) => Applies(field) || field.Error is not null;

    /// <summary>Every field with a problem, in the order the form shows them (main knobs, advanced, then the run's).</summary>
    public IEnumerable<FormField> FieldsInError =>
        MainParameters.Concat(AdvancedParameters).Append(Seed).Append(Tags).Where(f => f.Error is not null);

    /// <summary>No field breaks its rules and nothing the server reported is left unaddressed.</summary>
    public bool IsValid => AllFields.All(f => f.Error is null) && PresetError is null;

    public static RunForm Create(string kind, Type parametersType) => new(kind, parametersType, FormFieldFactory.For(parametersType));

    public FormField? Field(string name) => AllFields.FirstOrDefault(f => f.Name == name);

    /// <summary>Fills the parameter fields from a stored or preset parameter object; fields it lacks keep their defaults.</summary>
    public void LoadParameters(JsonObject values)
    {
        foreach (var field in Parameters)
        {
            if (values.TryGetPropertyValue(field.Name, out var value))
                field.Load(value);
            else
                field.Reset();
        }
    }

    public void LoadPreset(ExperimentPreset preset)
    {
        LoadParameters(PresetParameters.ToJson(preset));
        Preset = preset.Name;
    }

    /// <summary>Prefills everything from an earlier run, so that it can be run again or varied.</summary>
    public void LoadRun(RunDto run)
    {
        if (JsonNode.Parse(run.Parameters.GetRawText()) is JsonObject values)
        {
            LoadParameters(values);
        }

        Seed.Load(JsonValue.Create(run.Seed));
        Tags.Load(new JsonArray(run.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()));
        Preset = null;
    }

    public void Reset()
    {
        foreach (var field in AllFields)
        {
            field.Reset();
        }

        Preset = null;
        GeneralErrors = [];
    }

    public SubmitRunRequest ToRequest()
    {
        GeneralErrors = [];
        var parameters = ParameterObject();
        var seed = Seed.Parse().Value?.Deserialize<long>();
        var tags = Tags.Parse().Value is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : null;
        return new SubmitRunRequest(Kind, JsonSerializer.SerializeToElement(parameters), seed, tags, Preset);
    }

    private JsonObject ParameterObject()
    {
        var parameters = new JsonObject();
        foreach (var field in Parameters)
        {
            parameters[field.Name] = field.Parse().Value;
        }

        return parameters;
    }

    /// <summary>
    /// The server binder's cross-field rules (tensor parallel must divide the heads, ...) for the values as typed, so
    /// they show as the user types like each field's own rules; the binder is the check, so form and API agree. Only
    /// once every field is valid on its own (the binder checks the record's rules then too), and again only when an
    /// entry changed.
    /// </summary>
    private IReadOnlyDictionary<string, string[]> RuleErrors()
    {
        var state = string.Join('\u001f', Parameters.Select(f => $"{f.Text}\u001e{f.Flag}\u001e{string.Join('\u001e', f.Selected)}"));
        if (state == _ruleState)
        {
            return _ruleErrors;
        }

        _ruleState = state;
        _ruleErrors = Parameters.Any(f => f.Parse().Error is not null)
            ? new Dictionary<string, string[]>()
            : ParameterBinder.Bind(_parametersType, JsonSerializer.SerializeToElement(ParameterObject())).Errors;
        return _ruleErrors;
    }

    private static IReadOnlyList<string> CheckSeed(JsonNode? value)
    {
        try
        {
            value?.Deserialize<long>();
            return [];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return ["The seed must be a whole number."];
        }
    }

    private static IReadOnlyList<string> CheckTags(JsonNode? value)
    {
        var errors = new Dictionary<string, string[]>();
        RunTags.Normalize(value?.AsArray().Select(t => t!.GetValue<string>()).ToList(), errors);
        return errors.Values.SelectMany(m => m).ToList();
    }

    /// <summary>
    /// Shows the server's problems where they belong: <c>parameters.&lt;field&gt;</c>, <c>seed</c> and <c>tags</c>
    /// at their fields; anything else (the preset, the whole parameter object) above the form.
    /// </summary>
    public void ApplyServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var general = new List<string>();
        foreach (var (key, messages) in errors)
        {
            var name = key.StartsWith("parameters.", StringComparison.Ordinal) ? key["parameters.".Length..] : key;
            var field = key.StartsWith("parameters.", StringComparison.Ordinal) ? Parameters.FirstOrDefault(f => f.Name == name)
                : key is "seed" or "tags" ? Field(key)
                : key.StartsWith("tags[", StringComparison.Ordinal) ? Tags : null;
            if (key == "preset")
                PresetError = string.Join(" ", messages);
            else if (field is null)
                general.AddRange(messages.Select(m => key == "parameters" || key.Contains('.') ? m : $"{key}: {m}"));
            else
                field.ReportedError = string.Join(" ", messages);
        }

        GeneralErrors = general;
    }
}
