using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Web.Forms;

/// <summary>
/// One knob of the generated form: the rules its schema gives and what the user has entered. The entry is kept as
/// text (or a flag, or a selection) so that a half-typed value can be shown with its problem instead of being lost.
/// </summary>
public sealed class FormField
{
    private string _text = "";
    private bool _flag;
    private IReadOnlyCollection<string> _selected = [];

    public required string Name { get; init; }

    public required FieldKind Kind { get; init; }

    public string Label { get; init; } = "";

    public string? Description { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>For text: the most characters; for lists of text: the most characters per item.</summary>
    public int? MaxLength { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>For <see cref="FieldKind.Dataset"/>: the formats the parameter accepts.</summary>
    public IReadOnlyList<string> DatasetFormats { get; init; } = [];

    /// <summary>Whether the value may be left empty (sent as null).</summary>
    public bool Optional { get; init; }

    public JsonNode? Default { get; init; }

    /// <summary>A knob the family lists among its main ones (<c>x-main</c> in the schema): shown before "Advanced".</summary>
    public bool Main { get; init; }

    /// <summary>
    /// The field and values under which this knob applies (<c>x-when</c> in the schema); null: always. The form hides
    /// it otherwise and does not send it.
    /// </summary>
    public (string Field, IReadOnlyList<string> Values)? When { get; init; }

    /// <summary>The problem the server's cross-field rules find with this field given the whole form; set by the form.</summary>
    public Func<string?> RuleError { get; set; } = static () => null;

    /// <summary>
    /// The server's rules for the value (<see cref="FieldCheck"/>); the schema's bounds above only describe them
    /// (<see cref="FieldHint"/>). Without a check, only text that is not JSON at all is a problem.
    /// </summary>
    public FieldCheck Check { get; init; } = static _ => [];

    public string Text { get => _text; set { _text = value ?? ""; ReportedError = null; } }

    public bool Flag { get => _flag; set { _flag = value; ReportedError = null; } }

    /// <summary>For a list of choices: the chosen ones.</summary>
    public IReadOnlyCollection<string> Selected { get => _selected; set { _selected = value ?? []; ReportedError = null; } }

    /// <summary>A problem found outside the field's own rules (the server's cross-field checks, a file that could
    /// not be read). Cleared as soon as the user changes the field.</summary>
    public string? ReportedError { get; set; }

    /// <summary>The message to show at the field: its own rules first, then what was reported.</summary>
    public string? Error => Parse().Error ?? ReportedError ?? RuleError();

    public FieldValue Parse() => FieldParser.Parse(this);

    /// <summary>Shows <paramref name="value"/> in the field, as the server would echo it.</summary>
    public void Load(JsonNode? value)
    {
        ReportedError = null;
        switch (Kind)
        {
            case FieldKind.Boolean:
                _flag = value is JsonValue v && v.TryGetValue<bool>(out var flag) && flag;
                break;
            case FieldKind.ChoiceList:
                _selected = value is JsonArray items ? items.Select(Scalar).OfType<string>().ToList() : [];
                break;
            case FieldKind.IntegerList or FieldKind.NumberList or FieldKind.TextList:
                _text = value is JsonArray list ? string.Join(", ", list.Select(Scalar)) : "";
                break;
            case FieldKind.Json:
                _text = value?.ToJsonString() ?? "";
                break;
            default:
                _text = Scalar(value) ?? "";
                break;
        }
    }

    public void Reset() => Load(Default);

    private static string? Scalar(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        // Numbers and booleans as JSON writes them: "128", "0.01", "true".
        _ => node.ToJsonString(),
    };
}
