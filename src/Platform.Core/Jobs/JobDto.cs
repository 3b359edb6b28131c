using System.Text.Json;

namespace Platform.Core.Jobs;

/// <summary>A job as the API and the dashboard show it.</summary>
public sealed record JobDto(
    Guid Id,
    string Kind,
    JobState State,
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
    IReadOnlyList<JobAttemptDto>? Attempts = null,
    string? Owner = null)
{
    /// <summary>
    /// The last eight hex digits of the id: ids are UUIDv7, whose leading digits are a timestamp shared by runs queued
    /// together, so the random tail is what tells them apart at a glance.
    /// </summary>
    public string ShortId => Id.ToString("N")[^8..];

    internal static JobDto From(Job job, IReadOnlyList<JobAttemptDto>? attempts = null) => new(
        job.Id, job.Kind, job.State, job.Attempt, job.MaxAttempts, Parse(job.Parameters)!.Value, job.Seed, job.Tags,
        job.CreatedAt, job.StartedAt, job.FinishedAt, job.Error, Parse(job.Summary), Parse(job.Environment),
        job.Progress, job.ProgressMessage, job.CancelRequested, attempts, job.Owner);

    private static JsonElement? Parse(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
