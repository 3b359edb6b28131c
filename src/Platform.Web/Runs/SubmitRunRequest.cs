using System.Text.Json;

namespace Platform.Web.Runs;

/// <summary>
/// A run submission as the API and the dashboard send it. With a <see cref="Preset"/>, the preset's parameters
/// are the starting point and <see cref="Parameters"/> overrides fields of it.
/// </summary>
public sealed record SubmitRunRequest(string Kind, JsonElement? Parameters, long? Seed, IReadOnlyList<string>? Tags, string? Preset = null);
