using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Platform.Core.Security;
using Platform.Web.Security;

namespace Platform.Web.Hubs;

/// <summary>
/// A hub connection is authenticated once, when it opens. This re-checks every open connection each
/// <see cref="SecurityOptions.SessionRecheckInterval"/> and closes those whose key was revoked or whose user's session
/// ended (disabled, deleted, password reset, signed out), so a revoked credential stops receiving events.
/// </summary>
public sealed partial class HubConnectionRevalidator(
    ApiKeyService keys, UserSessionValidator sessions, IOptions<SecurityOptions> options, TimeProvider time,
    ILogger<HubConnectionRevalidator> logger) : BackgroundService
{
    private const string KeyOwnerPrefix = "key:";

    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    public void Track(HubCallerContext context) => _connections[context.ConnectionId] = context;

    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SessionRecheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RecheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RecheckAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, context) in _connections)
        {
            try
            {
                if (!await StillAllowedAsync(context.User, cancellationToken))
                {
                    LogClosing(id);
                    Forget(id);
                    context.Abort();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup is no reason to drop anyone: the next round checks again.
                LogRecheckFailed(e, id);
            }
        }
    }

    private async Task<bool> StillAllowedAsync(ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        if (user.ToCaller() is not { Owner: { } owner })
        {
            // Local mode's anonymous admin: nothing to revoke.
            return true;
        }

        return owner.StartsWith(KeyOwnerPrefix, StringComparison.Ordinal)
            ? await keys.IsActiveAsync(owner[KeyOwnerPrefix.Length..], cancellationToken)
            : await sessions.ValidateAsync(user!, cancellationToken) is not null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing hub connection {ConnectionId}: its key was revoked or its session ended")]
    private partial void LogClosing(string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-check hub connection {ConnectionId}")]
    private partial void LogRecheckFailed(Exception exception, string connectionId);
}
