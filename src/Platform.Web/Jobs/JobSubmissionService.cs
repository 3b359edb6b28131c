using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Core.Jobs;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;

namespace Platform.Web.Jobs;

/// <summary>
/// Validates a submission against its family and enqueues it. The API and the dashboard both go through here,
/// so they accept and reject exactly the same things. Nothing is written unless everything is valid.
/// </summary>
public sealed class JobSubmissionService(ExperimentCatalog catalog, JobQueue queue, JobReader reader, IOptions<QueueOptions> options)
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;
    public const int MaxIdempotencyKeyLength = 200;

    public async Task<SubmissionResult> SubmitAsync(SubmitJobRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!catalog.TryGet(request.Kind, out var experiment))
        {
            errors["kind"] = [$"Unknown experiment kind '{request.Kind}'. Known kinds: {string.Join(", ", catalog.All.Select(e => e.Kind).Order())}."];
            return SubmissionResult.Invalid(errors);
        }

        var parameters = request.Parameters;
        if (request.Preset is { } presetName)
        {
            var preset = experiment.Presets.FirstOrDefault(p => p.Name == presetName);
            if (preset is null)
            {
                var known = experiment.Presets.Count == 0 ? "it has none" : "known presets: " + string.Join(", ", experiment.Presets.Select(p => p.Name));
                errors["preset"] = [$"'{experiment.Kind}' has no preset '{presetName}'; {known}."];
                return SubmissionResult.Invalid(errors);
            }

            parameters = PresetParameters.Merge(preset, parameters);
        }

        var binding = ParameterBinder.Bind(experiment.ParametersType, parameters);
        foreach (var (field, messages) in binding.Errors)
        {
            errors[field == "parameters" ? field : $"parameters.{field}"] = messages;
        }

        var tags = (request.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > MaxTags || tags.Any(t => t.Length > MaxTagLength))
        {
            errors["tags"] = [$"At most {MaxTags} tags of at most {MaxTagLength} characters each."];
        }

        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength or 0 })
        {
            errors["Idempotency-Key"] = [$"The Idempotency-Key header must have 1 to {MaxIdempotencyKeyLength} characters."];
        }

        if (errors.Count > 0 || binding.Value is null)
        {
            return SubmissionResult.Invalid(errors);
        }

        // A run without a seed still gets one, recorded, so it can be repeated exactly.
        var seed = request.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var job = new NewJob(experiment.Kind, ParameterJson.Serialize(binding.Value), seed, tags, idempotencyKey,
            MaxAttempts: options.Value.DefaultMaxAttempts);
        var (id, created) = await queue.EnqueueAsync(job, cancellationToken);
        var stored = await reader.GetAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Job {id} vanished right after it was queued.");
        return new SubmissionResult(stored, created, errors);
    }
}
