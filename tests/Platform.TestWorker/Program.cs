using Platform.Experiments;
using Platform.IntegrationTests.Support;
using Platform.Web;

// Same host as the app, plus the test family the reliability tests run in it.
await using var host = await PlatformHost.CreateAsync(args, b =>
{
    b.Services.AddExperiment<ResumableExperiment>();
    b.Services.AddExperiment<StuckExperiment>();
});
await host.RunAsync();
