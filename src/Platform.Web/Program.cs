using Platform.Web;

if (await PlatformHost.TryRunCommandAsync(args) is { } exitCode)
{
    return exitCode;
}

await using var host = await PlatformHost.CreateAsync(args);
await host.RunAsync();
return 0;

public partial class Program;
