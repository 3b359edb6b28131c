using System.Text.Json;

namespace Platform.Core.Runs;

/// <summary>
/// A run as the API and the dashboard show it. In lists, long parameter values are cut short and
/// <see cref="ParametersTruncated"/> is set; the run's own route returns them whole.
/// </summary>
public sealed record RunDto(
    Guid Id,
    string Kind,
    RunState State,
    int Attempt,
    int MaxAttempts,
    JsonElement Parameters,
    long Seed,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JsonElement? Summary,
    JsonElement? Environment,
    double Progress,
    string? ProgressMessage,
    bool CancelRequested,
    IReadOnlyList<RunAttemptDto>? Attempts = null,
    string? Owner = null,
    bool ParametersTruncated = false,
    string? Name = null,
    string? Note = null)
{
    /// <summary>
    /// The last eight hex digits of the id: ids are UUIDv7, whose leading digits are a timestamp shared by runs queued
    /// together, so the random tail is what tells them apart at a glance.
    /// </summary>
    public string ShortId => Id.ToString("N")[^8..];

    internal static RunDto From(Run run, IReadOnlyList<RunAttemptDto>? attempts = null) => new(
        run.Id, run.Kind, run.State, run.Attempt, run.MaxAttempts, Parse(run.Parameters)!.Value, run.Seed, run.Tags,
        run.CreatedAt, run.StartedAt, run.FinishedAt, run.Error, Parse(run.Summary), Parse(run.Environment),
        run.Progress, run.ProgressMessage, run.CancelRequested, attempts, run.Owner, Name: run.Name, Note: run.Note);

    private static JsonElement? Parse(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
