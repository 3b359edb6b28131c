using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Workers;

namespace Platform.Web.Api;

public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/workers").WithTags("Workers");
        group.MapGet("/", ListWorkersAsync).WithName("ListWorkers")
            .WithSummary("Workers with a recent heartbeat: role, capacity, runs in progress and the age of the last beat");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<WorkerDto>>> ListWorkersAsync(WorkerReader workers, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workers.ListAliveAsync(cancellationToken));
}
