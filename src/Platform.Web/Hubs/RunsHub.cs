using Microsoft.AspNetCore.SignalR;

namespace Platform.Web.Hubs;

/// <summary>
/// Live run events for scripts and other clients at <c>/hubs/runs</c>: call <c>Subscribe(runId)</c>, then
/// receive <c>Metrics</c>, <c>State</c> (transitions only), <c>Progress</c> and <c>Log</c>, and <c>Resync</c> after an
/// outage (see <see cref="IRunsClient"/>). History comes from the REST API.
/// </summary>
public sealed class RunsHub : Hub<IRunsClient>
{
    public const string Path = "/hubs/runs";

    public static string GroupOf(Guid runId) => "run:" + runId.ToString("N");

    public Task Subscribe(Guid runId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(runId));

    public Task Unsubscribe(Guid runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(runId));
}
