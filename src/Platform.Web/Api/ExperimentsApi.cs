using System.Text.Json.Nodes;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Parameters;

namespace Platform.Web.Api;

public static class ExperimentsApi
{
    public static RouteGroupBuilder MapExperimentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/experiments").WithTags("Experiments");
        group.MapGet("/", ListExperiments).WithName("ListExperiments").WithSummary("The experiment families and their parameter schemas");
        return group;
    }

    public static IReadOnlyList<ExperimentDto> ListExperiments(ExperimentCatalog catalog) =>
        catalog.All.OrderBy(e => e.Kind).Select(e => new ExperimentDto(
            e.Kind, e.Title, e.Description, e.Paper, ParameterSchema.Generate(e.ParametersType))).ToList();
}

public sealed record ExperimentDto(string Kind, string Title, string Description, PaperReference? Paper, JsonObject ParametersSchema);
