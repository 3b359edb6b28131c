using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Platform.Core.Runs;
using Platform.Web.Security;

namespace Platform.Web.Hubs;

/// <summary>
/// Live run events for scripts and other clients at <c>/hubs/runs</c>: call <c>Subscribe(runId)</c>, then
/// receive <c>Metrics</c>, <c>State</c> (transitions only), <c>Progress</c> and <c>Log</c>, and <c>Resync</c> after an
/// outage (see <see cref="IRunsClient"/>). History comes from the REST API. A connection follows at most
/// <see cref="LimitsOptions.MaxHubSubscriptions"/> runs, so one client cannot make the server fan every run's events out to it.
/// </summary>
public sealed class RunsHub(RunReader runs, HubConnectionRevalidator revalidator, IOptions<LimitsOptions> limits) : Hub<IRunsClient>
{
    public const string Path = "/hubs/runs";

    private const string SubscriptionsKey = "platform:subscriptions";

    public static string GroupOf(Guid runId) => "run:" + runId.ToString("N");

    public override Task OnConnectedAsync()
    {
        revalidator.Track(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        revalidator.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <remarks>Takes the id as text so a malformed one gets a hub error that says so, not a binding failure.</remarks>
    public async Task Subscribe(string runId)
    {
        var id = Parse(runId);
        if (!await runs.ExistsAsync(id, Context.ConnectionAborted))
        {
            throw new HubException($"There is no run {id}.");
        }

        var subscriptions = Subscriptions();
        var max = limits.Value.MaxHubSubscriptions;
        lock (subscriptions)
        {
            if (!subscriptions.Contains(id) && subscriptions.Count >= max)
            {
                throw new HubException($"A connection may follow at most {max} runs at once; unsubscribe from one first.");
            }

            subscriptions.Add(id);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(id));
    }

    public async Task Unsubscribe(string runId)
    {
        var id = Parse(runId);
        var subscriptions = Subscriptions();
        lock (subscriptions)
        {
            subscriptions.Remove(id);
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(id));
    }

    private HashSet<Guid> Subscriptions()
    {
        lock (Context.Items)
        {
            if (Context.Items.TryGetValue(SubscriptionsKey, out var existing) && existing is HashSet<Guid> set)
            {
                return set;
            }

            var created = new HashSet<Guid>();
            Context.Items[SubscriptionsKey] = created;
            return created;
        }
    }

    private static Guid Parse(string? runId) => Guid.TryParse(runId, out var id)
        ? id
        : throw new HubException($"'{Quote(runId)}' is not a run id; a run id is a GUID such as 0190c0de-0000-7000-8000-000000000000.");

    private static string Quote(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
