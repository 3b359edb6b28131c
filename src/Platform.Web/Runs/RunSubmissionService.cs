using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Core.Datasets;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Web.Datasets;
using Platform.Web.Security;

namespace Platform.Web.Runs;

/// <summary>
/// Validates a submission against its family and enqueues it. The API and the dashboard both go through here,
/// so they accept and reject exactly the same things. Nothing is written unless everything is valid.
/// </summary>
public sealed class RunSubmissionService(
    FamilyCatalog catalog, RunQueue queue, RunReader reader, IOptions<QueueOptions> options, IOptions<LimitsOptions> limits, TimeProvider time,
    DatasetParameterCheck datasetCheck, DatasetReferences datasetReferences)
{
    public const int MaxIdempotencyKeyLength = 200;

    /// <remarks>Only runners and admins (and <see cref="Caller.Platform"/>) may submit; the run records <paramref name="caller"/>'s owner.</remarks>
    public async Task<SubmissionResult> SubmitAsync(Caller caller, SubmitRunRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!caller.Can(AccessRole.Runner))
        {
            return SubmissionResult.Refused(new SubmissionRefusal(StatusCodes.Status403Forbidden, "Your role does not allow this.",
                $"Your role ({Policies.RoleName(caller.Role)}) may read but not queue runs; ask an admin for a runner key or account.", "role"));
        }

        var errors = new Dictionary<string, string[]>();
        if (!catalog.TryGet(request.Kind, out var experiment))
        {
            // Quoted back only in part: the field may be megabytes of hostile text.
            var quoted = request.Kind.Length <= 64 ? request.Kind : request.Kind[..64] + "…";
            errors["kind"] = [$"Unknown experiment kind '{quoted}'. Known kinds: {string.Join(", ", catalog.All.Select(e => e.Kind).Order())}."];
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

        IReadOnlyList<RunDatasetUse> datasets = [];
        if (binding.Value is not null)
        {
            // Datasets first: a family measures an uploaded file while checking it, and estimates memory from that.
            datasets = await datasetCheck.CheckAsync(binding.Value, errors, cancellationToken);
            RunMemoryBudget.Check(binding.Value, limits.Value.EffectiveMaxRunMemoryBytes, errors);
        }

        var tags = RunTags.Normalize(request.Tags, errors);
        if (request.Preset is { } from && errors.Count == 0)
        {
            // The run says which preset it came from, whether queued from the form or the API, so it can be found by it.
            tags = RunTags.WithPreset(tags, from);
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
        var parametersJson = ParameterJson.Serialize(binding.Value);
        var run = new NewRun(experiment.Kind, parametersJson, seed, tags, idempotencyKey,
            MaxAttempts: options.Value.DefaultMaxAttempts, Owner: caller.Owner,
            IdempotencyFingerprint: idempotencyKey is null ? null : Fingerprint(experiment.Kind, parametersJson, request.Seed, tags),
            SubmittedAt: time.GetUtcNow());
        Guid id;
        bool created;
        try
        {
            (id, created) = await queue.EnqueueAsync(run, limits.Value.MaxQueuedRunsPerOwner, cancellationToken);
        }
        catch (QueueCapReachedException ex)
        {
            return SubmissionResult.Refused(new SubmissionRefusal(StatusCodes.Status429TooManyRequests, "Too many queued runs.", ex.Message, "queue"));
        }
        catch (IdempotencyConflictException ex)
        {
            return SubmissionResult.Refused(new SubmissionRefusal(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.", ex.Message, "Idempotency-Key"));
        }

        if (!await datasetReferences.RecordAsync(id, datasets, cancellationToken))
        {
            // A dataset was deleted between the check and now: the run must not start without it.
            await queue.RequestCancelAsync(Caller.Platform, id, cancellationToken);
            return SubmissionResult.Invalid(datasets.ToDictionary(d => $"parameters.{d.Parameter}", d => new[] { $"Dataset {d.DatasetId} was deleted while the run was submitted." }));
        }

        var stored = await reader.GetAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Run {id} vanished right after it was queued.");
        return new SubmissionResult(stored, created, errors);
    }

    /// <summary>
    /// What makes two submissions the same run: the family, the effective parameters, the seed asked for (not the one
    /// drawn) and the tags. A retry sends the same; another request under the same key differs in one of them.
    /// </summary>
    private static string Fingerprint(string kind, string parametersJson, long? seed, IReadOnlyList<string> tags) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Join('\n', kind, parametersJson, seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", string.Join('\u001f', tags)))));
}
