namespace Platform.Experiments.Contract;

/// <summary>
/// How the run page draws one panel. Metric keys of the form <c>group/series</c> share the panel of their group,
/// one curve per series (e.g. <c>accuracy/sfprompt</c> and <c>accuracy/fl-full</c>); a key without a slash is its
/// own panel. A family lists panels to give them titles and axis labels; unlisted groups still draw, untitled.
/// </summary>
public sealed record ChartPanel(string Group, string Title, string XAxis, string YAxis, bool LogY = false)
{
    public const char Separator = '/';

    /// <summary>The x quantity spans decades (TP degree 1–64, channel rate 10–10,000 kbit/s): draw it on a log axis.</summary>
    public bool LogX { get; init; }

    /// <summary>
    /// Each series is one result (a method's final score), not a curve: the panel draws one bar per series, its last
    /// value, instead of points over a meaningless step axis.
    /// </summary>
    public bool Categorical { get; init; }

    /// <summary>
    /// Factor from the logged step to the unit of <see cref="XAxis"/>. Steps are whole numbers, so a family logs
    /// e.g. a rate in kbit/s and draws it in Mbit/s (0.001), the unit its tables use.
    /// </summary>
    public double XScale { get; init; } = 1;

    /// <summary>The group of a metric key: the part before its last slash, or the whole key.</summary>
    public static string GroupOf(string key)
    {
        var slash = key.LastIndexOf(Separator);
        return slash < 0 ? key : key[..slash];
    }

    /// <summary>The series of a metric key inside its group: the part after its last slash, or the whole key.</summary>
    public static string SeriesOf(string key)
    {
        var slash = key.LastIndexOf(Separator);
        return slash < 0 ? key : key[(slash + 1)..];
    }
}
