using System.Text.Json;

namespace Platform.Experiments.Contract.Figures;

/// <summary>Figures travel as JSON artifacts with their own content type, so the run page knows how to draw them.</summary>
public static class FigureArtifacts
{
    public const string GanttContentType = "application/vnd.platform.gantt+json";
    public const string GanttSuffix = ".gantt.json";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    /// <summary>Saves <paramref name="chart"/> as the artifact <c>{name}.gantt.json</c>.</summary>
    public static Task SaveGanttAsync(this IRunContext context, string name, GanttChart chart, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(chart, s_options);
        return context.SaveArtifactAsync(name + GanttSuffix, GanttContentType, bytes, cancellationToken);
    }

    public static GanttChart? ReadGantt(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<GanttChart>(json, s_options);
}
