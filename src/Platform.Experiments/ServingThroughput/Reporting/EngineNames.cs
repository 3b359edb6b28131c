using System.Text.Json;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Runs;

/// <summary>The kebab-case names engines have on the wire, reused as metric series.</summary>
internal static class EngineNames
{
    public static string Of(EngineKind engine) => JsonNamingPolicy.KebabCaseLower.ConvertName(engine.ToString());
}
