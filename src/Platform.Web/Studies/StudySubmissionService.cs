using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.Core.Studies;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Web.Datasets;
using Platform.Web.Runs;
using Platform.Web.Security;
using Platform.Web.Studies.Sweeps;

namespace Platform.Web.Studies;

/// <summary>
/// Validates a study against its family (every point bound, the size within <see cref="StudyLimitsOptions.MaxRunsPerStudy"/>)
/// and queues all its runs at once. The API and the dashboard both go through here. Nothing is written unless all is valid.
/// </summary>
public sealed class StudySubmissionService(
    FamilyCatalog catalog, StudyStore store, StudyReader reader, IOptions<QueueOptions> queue, IOptions<LimitsOptions> limits,
    IOptions<StudyLimitsOptions> studyLimits, DatasetParameterCheck datasets)
{
    public async Task<StudySubmissionResult> SubmitAsync(
        Caller caller, SubmitStudyRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!caller.Can(AccessRole.Runner))
        {
            return StudySubmissionResult.Refused(new SubmissionRefusal(StatusCodes.Status403Forbidden, "Your role does not allow this.",
                $"Your role ({Policies.RoleName(caller.Role)}) may read but not queue studies; ask an admin for a runner key or account.", "role"));
        }

        var errors = new Dictionary<string, string[]>();
        if (!catalog.TryGet(request.Kind, out var experiment))
        {
            var quoted = request.Kind.Length <= 64 ? request.Kind : request.Kind[..64] + "…";
            errors["kind"] = [$"Unknown experiment kind '{quoted}'. Known kinds: {string.Join(", ", catalog.All.Select(e => e.Kind).Order())}."];
            return StudySubmissionResult.Invalid(errors);
        }

        var baseParameters = request.Parameters;
        if (request.Preset is { } presetName)
        {
            var preset = experiment.Presets.FirstOrDefault(p => p.Name == presetName);
            if (preset is null)
            {
                var known = experiment.Presets.Count == 0 ? "it has none" : "known presets: " + string.Join(", ", experiment.Presets.Select(p => p.Name));
                errors["preset"] = [$"'{experiment.Kind}' has no preset '{presetName}'; {known}."];
                return StudySubmissionResult.Invalid(errors);
            }

            baseParameters = PresetParameters.Merge(preset, baseParameters);
        }

        var maxRuns = studyLimits.Value.MaxRunsPerStudy;
        var seedCount = request.Seeds ?? 1;
        if (seedCount < 1 || seedCount > maxRuns)
        {
            errors["seeds"] = [$"'seeds' must be a whole number from 1 to {maxRuns}."];
        }

        if (idempotencyKey is { Length: > RunSubmissionService.MaxIdempotencyKeyLength or 0 })
        {
            errors["Idempotency-Key"] = [$"The Idempotency-Key header must have 1 to {RunSubmissionService.MaxIdempotencyKeyLength} characters."];
        }

        var tags = RunTags.Normalize(request.Tags, errors);
        // A study without a seed still gets one, recorded, so it can be repeated exactly.
        var studySeed = request.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var axes = SweepReader.Read(request.Sweep, ParameterBinder.Fields(experiment.ParametersType), studySeed, maxRuns, errors);
        if (errors.Count > 0)
        {
            return StudySubmissionResult.Invalid(errors);
        }

        var runCount = SweepExpander.CountPoints(axes) * seedCount;
        if (runCount > maxRuns)
        {
            errors["sweep"] = [$"This study would queue {runCount} runs (points × seeds); at most {maxRuns} are allowed (Limits:MaxRunsPerStudy)."];
            return StudySubmissionResult.Invalid(errors);
        }

        var plan = await StudyPlanner.PlanAsync(experiment, baseParameters, axes, DerivedSeeds.For(studySeed, seedCount),
            limits.Value.EffectiveMaxRunMemoryBytes, datasets, errors, cancellationToken);
        if (plan is null)
        {
            return StudySubmissionResult.Invalid(errors);
        }

        var study = ToNewStudy(experiment.Kind, request, plan, studySeed, tags, caller.Owner, idempotencyKey);
        Guid id;
        bool created;
        try
        {
            (id, created) = await store.InsertAsync(study, limits.Value.MaxQueuedRunsPerOwner, cancellationToken);
        }
        catch (QueueCapReachedException ex)
        {
            return StudySubmissionResult.Refused(new SubmissionRefusal(StatusCodes.Status429TooManyRequests, "Too many queued runs.", ex.Message, "queue"));
        }
        catch (IdempotencyConflictException ex)
        {
            return StudySubmissionResult.Refused(new SubmissionRefusal(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.", ex.Message, "Idempotency-Key"));
        }

        var stored = await reader.GetAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Study {id} vanished right after it was queued.");
        return new StudySubmissionResult(stored, created, errors);
    }

    private NewStudy ToNewStudy(
        string kind, SubmitStudyRequest request, StudyPlan plan, long studySeed, IReadOnlyList<string> tags, string? owner, string? idempotencyKey)
    {
        var points = new JsonArray([.. plan.Points.Select(p => (JsonNode)new JsonObject(p.Fields.Select(f =>
            KeyValuePair.Create(f.Field, f.Value.Value?.DeepClone()))))]);
        var runs = new List<NewStudyRun>(plan.RunCount);
        for (var point = 0; point < plan.Points.Count; point++)
        {
            for (var replicate = 0; replicate < plan.Seeds.Count; replicate++)
            {
                runs.Add(new NewStudyRun(plan.PointParameters[point], plan.Seeds[replicate], point, replicate, plan.PointDatasets[point]));
            }
        }

        var baseJson = Raw(request.Parameters);
        var sweepJson = Raw(request.Sweep);
        var fingerprint = idempotencyKey is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            kind, request.Preset ?? "", baseJson ?? "", sweepJson ?? "", request.Seeds ?? 1, request.Seed?.ToString() ?? "", string.Join('\u001f', tags)))));
        return new NewStudy(kind, request.Preset, baseJson, sweepJson, points.ToJsonString(), plan.Seeds.Count, studySeed, runs, tags,
            queue.Value.DefaultMaxAttempts, owner, idempotencyKey, fingerprint);
    }

    private static string? Raw(JsonElement? json) =>
        json is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value ? value.GetRawText() : null;
}
