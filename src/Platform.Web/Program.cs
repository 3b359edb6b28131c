using Platform.Web;

await using var host = await PlatformHost.CreateAsync(args);
await host.App.RunAsync();

public partial class Program;
