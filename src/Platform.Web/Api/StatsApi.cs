using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Runs;

namespace Platform.Web.Api;

public static class StatsApi
{
    public const int DefaultHours = 24;

    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/stats").WithTags("Stats");
        group.MapGet("/", GetStatsAsync).WithName("GetStats")
            .WithSummary("Runs by state and runs finished per hour over the last 'hours' hours (default 24)");
        return group;
    }

    public static async Task<Results<Ok<QueueStats>, ValidationProblem>> GetStatsAsync(
        string? hours, RunReader runs, RunThroughputReader throughput, CancellationToken cancellationToken)
    {
        var span = DefaultHours;
        if (hours is not null && (!int.TryParse(hours, out span) || span is < 1 or > RunThroughputReader.MaxHours))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["hours"] = [$"'hours' must be a whole number between 1 and {RunThroughputReader.MaxHours}."],
            });
        }

        var counts = await runs.CountByStateAsync(cancellationToken);
        return TypedResults.Ok(new QueueStats(counts, await throughput.FinishedPerHourAsync(span, cancellationToken)));
    }
}

public sealed record QueueStats(IReadOnlyDictionary<RunState, int> Counts, IReadOnlyList<HourlyThroughput> FinishedPerHour);
