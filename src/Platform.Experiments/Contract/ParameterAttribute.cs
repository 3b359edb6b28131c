namespace Platform.Experiments.Contract;

/// <summary>
/// Describes one knob of a parameter record for the generated JSON Schema and form: its help text and, for
/// numbers, its inclusive range. Ranges are enforced at submission.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    public double Minimum { get; init; } = double.NaN;

    public double Maximum { get; init; } = double.NaN;

    /// <summary>For lists: the fewest and most items allowed (0 = no bound).</summary>
    public int MinItems { get; init; }

    public int MaxItems { get; init; }

    /// <summary>For strings and string lists: the allowed values.</summary>
    public string[]? Choices { get; init; }

    /// <summary>For strings: the most characters allowed (0 = no bound).</summary>
    public int MaxLength { get; init; }

    /// <summary>
    /// For strings: the value is the text of a file the user uploads (a corpus, a trace); the form offers a file
    /// picker. Give it a <see cref="MaxLength"/>.
    /// </summary>
    public bool Upload { get; init; }

    /// <summary>
    /// For dataset parameters (a <see cref="Guid"/>? holding a dataset's id): the formats accepted. The submission
    /// refuses an unknown id or another format with a 400 naming the parameter; the form offers a picker and an upload.
    /// </summary>
    public string[]? Dataset { get; init; }

    /// <summary>
    /// One of the few knobs a researcher sets on most runs (a mode, a model, a sweep); the form shows these first and
    /// the rest under "Advanced". A family with no main knob shows all of them.
    /// </summary>
    public bool Main { get; init; }

    /// <summary>
    /// The knob matters only when another one has one of the given values, written <c>field=value|value</c> with JSON
    /// names (e.g. <c>mode=simulate</c>, <c>workload=upload</c>). The form hides it otherwise and leaves it out of the
    /// submission, so the family's default holds. The schema carries it as <c>x-when</c>: <c>{ "mode": ["simulate"] }</c>.
    /// </summary>
    public string? When { get; init; }
}
