using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Core.Security;
using Platform.Core.Hosting;

namespace Platform.Web.Security;

/// <summary>
/// With no admin in the database, logs the one-time setup link once the app listens (so the link has the real
/// address). There is no default password: whoever can read this log creates the first admin.
/// </summary>
internal sealed partial class SetupLinkAnnouncer(
    IHostApplicationLifetime lifetime, IServer server, UserAccountService users, SetupToken token, IConfiguration configuration,
    ILogger<SetupLinkAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetPlatformRole() != PlatformRole.Worker)
        {
            lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync()
    {
        try
        {
            if (await users.AnyAdminAsync(lifetime.ApplicationStopping))
            {
                return;
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://<host>";
            LogSetupLink(address.TrimEnd('/') + SetupPath(token.Value));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(ex);
        }
    }

    public static string SetupPath(string token) => "/account/setup?token=" + Uri.EscapeDataString(token);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin exists yet. Create the first one, once, at {SetupLink}")]
    private partial void LogSetupLink(string setupLink);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check for an admin; no setup link was printed")]
    private partial void LogCheckFailed(Exception exception);
}
