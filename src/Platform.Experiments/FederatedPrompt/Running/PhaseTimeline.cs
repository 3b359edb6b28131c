using Platform.Experiments.Contract.Figures;
using Platform.Experiments.FederatedPrompt.Methods;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// A Gantt figure of one round: a lane per method, its phases laid end to end (each phase summed over the round's
/// clients, since the simulation runs clients one after another).
/// </summary>
internal static class PhaseTimeline
{
    public static GanttChart Of(int round, IReadOnlyList<(string Method, RoundReport Report)> reports)
    {
        var bars = new List<GanttBar>();
        foreach (var (method, report) in reports)
        {
            var start = 0.0;
            foreach (var (phase, seconds) in report.PhaseSeconds)
            {
                bars.Add(new GanttBar(method, start, start + seconds, phase, $"{phase} {seconds:F2} s"));
                start += seconds;
            }
        }
        return new GanttChart($"Wall time by phase in round {round} (clients in sequence)", "s", [.. reports.Select(r => r.Method)], bars);
    }
}
