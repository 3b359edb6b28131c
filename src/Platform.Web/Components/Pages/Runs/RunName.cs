using Platform.Core.Runs;
using Platform.Web.Runs;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>What a run is called in lists: its given name, else its family and the preset it was queued from.</summary>
public static class RunName
{
    public static string Of(RunDto run) => Of(run.Name, run.Kind, run.Tags);

    public static string Of(string? given, string kind, IEnumerable<string> tags) =>
        given ?? (RunTags.PresetOf(tags) is { } preset ? $"{kind} · {preset}" : kind);
}
