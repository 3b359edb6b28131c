using Platform.Web;

await using var host = await PlatformHost.CreateAsync(args);
await host.RunAsync();

public partial class Program;
