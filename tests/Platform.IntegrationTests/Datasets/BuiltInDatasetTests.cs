using System.Net.Http.Json;
using Platform.Core.Datasets;
using Platform.Core.Hosting;
using Platform.IntegrationTests.Support;
using Platform.Workers.Datasets;

namespace Platform.IntegrationTests.Datasets;

/// <summary>Built-in datasets are registered from their files at start-up, once, however often the platform restarts.</summary>
public sealed class BuiltInDatasetTests(PostgresServer server)
{
    [Fact]
    public async Task A_built_in_dataset_is_registered_once_across_restarts_with_its_licence_and_source()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync();
        var path = Path.Combine(Path.GetTempPath(), $"builtin-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"gpus":[{"name":"test-gpu","tflops":1}]}""", ct);
        var settings = new Dictionary<string, string>
        {
            [BuiltInDatasetRegistrar.AtStartupKey] = "true",
            ["Datasets:BuiltIn:0:Name"] = "test specs",
            ["Datasets:BuiltIn:0:Format"] = "json",
            ["Datasets:BuiltIn:0:Licence"] = "MIT: test licence text",
            ["Datasets:BuiltIn:0:Source"] = "written by the test",
            ["Datasets:BuiltIn:0:Path"] = path,
            // A file the set-up command did not fetch is skipped, not fatal.
            ["Datasets:BuiltIn:1:Name"] = "missing",
            ["Datasets:BuiltIn:1:Format"] = "json",
            ["Datasets:BuiltIn:1:Licence"] = "MIT",
            ["Datasets:BuiltIn:1:Source"] = "nowhere",
            ["Datasets:BuiltIn:1:Path"] = path + ".absent",
        };
        try
        {
            for (var start = 0; start < 3; start++)
            {
                await using var app = await TestApp.StartAsync(database, PlatformRole.Web, settings);
            }

            await using var last = await TestApp.StartAsync(database, PlatformRole.Web, settings);
            var datasets = await last.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/v1/datasets", Json.Options, ct);
            // The platform's own built-ins (the hardware catalogue, the real data the set-up fetched) are registered once too.
            Assert.All(DatasetRows.Shipped, name => Assert.True(Assert.Single(datasets!, d => d.Name == name).BuiltIn));
            var dataset = Assert.Single(datasets!, d => !DatasetRows.Shipped.Contains(d.Name));
            Assert.True(dataset.BuiltIn);
            Assert.Equal(("test specs", "json", "MIT: test licence text", "written by the test"), (dataset.Name, dataset.Format, dataset.Licence, dataset.Source));
            Assert.Equal((1L, 1L), await DatasetRows.CountAsync(database));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
