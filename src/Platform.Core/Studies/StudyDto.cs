using System.Text.Json;

namespace Platform.Core.Studies;

/// <summary>A study as the API and the dashboard show it: its definition, its runs' progress and the state that follows.</summary>
public sealed record StudyDto(
    Guid Id,
    string Kind,
    string? Preset,
    JsonElement? Parameters,
    JsonElement? Sweep,
    JsonElement Points,
    int Seeds,
    long StudySeed,
    int RunCount,
    StudyState State,
    StudyProgress Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? FinishedAt,
    string? Owner);
