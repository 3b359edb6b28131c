using System.Text.Json;

namespace Platform.Web.Studies;

/// <summary>
/// A study as the API and the dashboard send it: a family, a base (a <see cref="Preset"/> with <see cref="Parameters"/>
/// laid over it, as for a run), an optional <see cref="Sweep"/> (<c>grid</c> and/or <c>sample</c>), and
/// <see cref="Seeds"/> runs per point whose seeds are derived from <see cref="Seed"/> (drawn when absent, and recorded).
/// </summary>
public sealed record SubmitStudyRequest(
    string Kind, string? Preset, JsonElement? Parameters, JsonElement? Sweep, int? Seeds, long? Seed, IReadOnlyList<string>? Tags);
