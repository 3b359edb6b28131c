using System.Text.Json.Nodes;

namespace Platform.Web.Studies.Sweeps;

/// <summary>One value a swept field takes, with the path in the submission that produced it (for error messages).</summary>
public sealed record SweepValue(JsonNode? Value, string Path);
