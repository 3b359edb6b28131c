using Platform.Web;

if (await PlatformHost.TryRunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

await using var host = await PlatformHost.CreateAsync(args);
await host.RunAsync();
// Nonzero when a worker stopped itself to shed a run stuck in native code, so a service manager restarts it.
return Environment.ExitCode;

public partial class Program;
