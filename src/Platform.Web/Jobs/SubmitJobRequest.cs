using System.Text.Json;

namespace Platform.Web.Jobs;

/// <summary>A job submission as the API and the dashboard send it.</summary>
public sealed record SubmitJobRequest(string Kind, JsonElement? Parameters, long? Seed, IReadOnlyList<string>? Tags);
