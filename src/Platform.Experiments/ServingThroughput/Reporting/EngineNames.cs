using System.Text.Json;
using Platform.Experiments.ServingThroughput.Cpu;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>The kebab-case names engines and CPU schedules have on the wire, reused as metric series.</summary>
internal static class EngineNames
{
    public static string Of(EngineKind engine) => JsonNamingPolicy.KebabCaseLower.ConvertName(engine.ToString());

    public static string Of(ServingSchedule schedule) => JsonNamingPolicy.KebabCaseLower.ConvertName(schedule.ToString());
}
