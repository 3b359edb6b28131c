using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Core.Datasets;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Web.Datasets;
using Platform.Web.Runs;
using Platform.Web.Studies.Sweeps;

namespace Platform.Web.Studies;

/// <summary>
/// Binds every point of a study with the family's own binder (the same as for one run, cross-field rules and memory
/// budget included) before anything is stored. A problem is reported against the sweep path of the value that caused
/// it (<c>sweep.grid.rounds[2]</c>), or against <c>parameters.field</c> when the base itself is at fault. Dataset
/// parameters and the built-in data a point reads are checked as for one run, once per point.
/// </summary>
public static class StudyPlanner
{
    public static async Task<StudyPlan?> PlanAsync(
        IExperiment experiment, JsonElement? baseParameters, IReadOnlyList<SweepAxis> axes, IReadOnlyList<long> seeds,
        long memoryLimit, DatasetParameterCheck datasets, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var baseFields = baseParameters is { ValueKind: JsonValueKind.Object } b ? JsonObject.Create(b)! : new JsonObject();
        if (baseParameters is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            errors["parameters"] = ["Parameters must be a JSON object."];
            return null;
        }

        var points = SweepExpander.Expand(axes);
        var bound = new List<string>(points.Count);
        var used = new List<IReadOnlyList<RunDatasetUse>>(points.Count);
        foreach (var point in points)
        {
            var fields = (JsonObject)baseFields.DeepClone();
            foreach (var (field, value) in point.Fields)
            {
                fields[field] = value.Value?.DeepClone();
            }

            var binding = ParameterBinder.Bind(experiment.ParametersType, JsonSerializer.SerializeToElement(fields));
            var pointErrors = binding.Errors.ToDictionary(e => e.Key == "parameters" ? e.Key : $"parameters.{e.Key}", e => e.Value);
            IReadOnlyList<RunDatasetUse> uses = [];
            if (binding.Value is not null)
            {
                uses = await datasets.CheckAsync(binding.Value, pointErrors, cancellationToken);
                RunMemoryBudget.Check(binding.Value, memoryLimit, pointErrors);
            }

            foreach (var (key, messages) in pointErrors)
            {
                errors.TryAdd(PathOf(key, point), messages);
            }

            if (binding.Value is not null && pointErrors.Count == 0)
            {
                bound.Add(ParameterJson.Serialize(binding.Value));
                used.Add(uses);
            }
        }

        return errors.Count == 0 ? new StudyPlan(points, bound, used, seeds) : null;
    }

    /// <summary><c>parameters.field</c> of a swept field becomes the path of the value this point gave it.</summary>
    private static string PathOf(string key, SweepPoint point)
    {
        const string Prefix = "parameters.";
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return key;
        }

        var field = key[Prefix.Length..];
        foreach (var (swept, value) in point.Fields)
        {
            if (swept == field)
            {
                return value.Path;
            }
        }

        return key;
    }
}
