using System.Text.Json.Nodes;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.Contract.Parameters;
using Platform.Web.Runs;

namespace Platform.Web.Api;

public static class FamiliesApi
{
    public static RouteGroupBuilder MapFamiliesApi(this IEndpointRouteBuilder routes, ResourceRoute route)
    {
        var group = route.MapGroup(routes, "", "Families");
        group.MapGet("/", ListFamilies).WithName(route.Name("ListFamilies")).WithSummary("The experiment families, their parameter schemas, presets, chart panels, and the claims their headline run predicts and the constants it calibrates");
        return group;
    }

    public static IReadOnlyList<FamilyDto> ListFamilies(FamilyCatalog catalog) =>
        catalog.All.OrderBy(e => e.Kind).Select(FamilyDto.From).ToList();
}

public sealed record FamilyDto(
    string Kind, string Title, string Description, PaperReference? Paper, JsonObject ParametersSchema,
    IReadOnlyList<PresetDto> Presets, IReadOnlyList<ChartPanel> Charts, FamilyEvidence Evidence)
{
    public static FamilyDto From(IExperiment experiment) => new(
        experiment.Kind, experiment.Title, experiment.Description, experiment.Paper,
        ParameterSchema.Generate(experiment.ParametersType),
        experiment.Presets.Select(p => new PresetDto(p.Name, p.Title, p.Description, PresetParameters.ToJson(p))).ToList(),
        experiment.Charts, experiment.Evidence);
}

/// <summary>A preset as clients see it: submit <c>{ "kind": ..., "preset": Name }</c> to queue it.</summary>
public sealed record PresetDto(string Name, string Title, string Description, JsonObject Parameters);
