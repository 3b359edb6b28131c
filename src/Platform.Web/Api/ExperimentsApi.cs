using System.Text.Json.Nodes;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;
using Platform.Web.Jobs;

namespace Platform.Web.Api;

public static class ExperimentsApi
{
    public static RouteGroupBuilder MapExperimentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/experiments").WithTags("Experiments");
        group.MapGet("/", ListExperiments).WithName("ListExperiments").WithSummary("The experiment families, their parameter schemas, presets and chart panels");
        return group;
    }

    public static IReadOnlyList<ExperimentDto> ListExperiments(ExperimentCatalog catalog) =>
        catalog.All.OrderBy(e => e.Kind).Select(ExperimentDto.From).ToList();
}

public sealed record ExperimentDto(
    string Kind, string Title, string Description, PaperReference? Paper, JsonObject ParametersSchema,
    IReadOnlyList<PresetDto> Presets, IReadOnlyList<ChartPanel> Charts)
{
    public static ExperimentDto From(IExperiment experiment) => new(
        experiment.Kind, experiment.Title, experiment.Description, experiment.Paper,
        ParameterSchema.Generate(experiment.ParametersType),
        experiment.Presets.Select(p => new PresetDto(p.Name, p.Title, p.Description, PresetParameters.ToJson(p))).ToList(),
        experiment.Charts);
}

/// <summary>A preset as clients see it: submit <c>{ "kind": ..., "preset": Name }</c> to queue it.</summary>
public sealed record PresetDto(string Name, string Title, string Description, JsonObject Parameters);
