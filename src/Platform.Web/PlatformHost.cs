using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Core;
using Platform.Web.Database;
using Platform.Workers;

namespace Platform.Web;

/// <summary>
/// Builds the whole application from command-line style arguments. <c>Program</c> runs it; tests start real
/// instances of it (Kestrel on a free port, a real database) with extra experiment families.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly PlatformDatabase _database;

    private PlatformHost(WebApplication app, PlatformDatabase database)
    {
        App = app;
        _database = database;
    }

    public WebApplication App { get; }

    /// <summary>The addresses Kestrel actually bound (with the real port when asked for port 0).</summary>
    public IReadOnlyCollection<string> Addresses =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>
    /// Runs a command instead of the app (<c>keys create --role runner</c>, <c>users reset-password ada</c>) and returns
    /// its exit code, or null when <paramref name="args"/> name no command and the app should start.
    /// </summary>
    public static async Task<int?> TryRunCommandAsync(string[] args, CancellationToken cancellationToken = default)
    {
        if (Security.KeysCommand.Matches(args))
        {
            return await Security.KeysCommand.RunAsync(args, Console.Out, Console.Error, cancellationToken);
        }

        return Security.UsersCommand.Matches(args)
            ? await Security.UsersCommand.RunAsync(args, Console.In, Console.Out, Console.Error, cancellationToken)
            : null;
    }

    public static async Task<PlatformHost> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(PlatformHost).Assembly.GetName().Name,
            WebRootPath = WebRootLocator.Resolve(AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
        });

        // Without a configured server this starts the embedded cluster; disposing the host stops it.
        var database = await PlatformDatabase.OpenAsync(builder.Configuration, builder.Environment.ContentRootPath, cancellationToken);
        try
        {
            builder.AddPlatformCore(database.ConnectionString);
            builder.AddPlatformWorkers();
            builder.AddPlatformWeb();
            configure?.Invoke(builder);
            var app = builder.Build();
            app.UsePlatformWeb();
            return new PlatformHost(app, database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates and starts the application, for callers that need it running and reachable (tests, benchmarks);
    /// a start that fails leaves nothing running.
    /// </summary>
    public static async Task<PlatformHost> StartAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var host = await CreateAsync(args, configure, cancellationToken);
        try
        {
            await host.App.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first address Kestrel bound, once started.</summary>
    public Uri Address => new(Addresses.First());

    /// <summary>Serves until a shutdown signal, then stops the host (the caller disposes this object after).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        // Not WebApplication.RunAsync: it disposes the host itself, before the embedded database may stop.
        await App.StartAsync(cancellationToken);
        await App.WaitForShutdownAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Stop first so workers hand back their runs and the metric pump drains before the database goes.
        if (App.Lifetime.ApplicationStarted.IsCancellationRequested && !App.Lifetime.ApplicationStopped.IsCancellationRequested)
        {
            await App.StopAsync();
        }

        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
