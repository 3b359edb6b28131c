namespace Platform.Experiments.Contract;

/// <summary>
/// How the run page draws one panel. Metric keys of the form <c>group/series</c> share the panel of their group,
/// one curve per series (e.g. <c>accuracy/sfprompt</c> and <c>accuracy/fl-full</c>); a key without a slash is its
/// own panel. A family lists panels to give them titles and axis labels; unlisted groups still draw, untitled.
/// </summary>
public sealed record ChartPanel(string Group, string Title, string XAxis, string YAxis, bool LogY = false)
{
    public const char Separator = '/';

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
