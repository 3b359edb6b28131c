using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Datasets;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Datasets;

/// <summary>
/// Dataset parameters at submission: the id must name a stored dataset of an accepted format, and the family checks
/// the content; every refusal is a 400 naming <c>parameters.pretrainedWeights</c> and queues nothing.
/// </summary>
public sealed class DatasetParameterTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> CraftedFiles => new(CraftedWeights.All().Select(f => f.Name).ToArray());

    [Fact]
    public async Task A_weights_dataset_of_the_model_binds_and_the_run_records_its_id_and_hash()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, CraftedWeights.File(CraftedWeights.Valid()));

        using var response = await app.Client.PostAsync("/api/v1/runs", HostileCases.WeightsSubmission(dataset.Id.ToString()), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;
        var recorded = await app.Services.GetRequiredService<DatasetReader>().OfRunAsync(run.Id, Ct);
        var use = Assert.Single(recorded);
        Assert.Equal(("pretrainedWeights", dataset.Id, dataset.Sha256), (use.Parameter, use.DatasetId, use.Sha256));
    }

    [Fact]
    public async Task A_dataset_of_another_format_is_a_400_naming_the_parameter()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        // The right bytes under the wrong format: the format is what the parameter accepts, not a guess from content.
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, CraftedWeights.File(CraftedWeights.Valid()), "binary");

        await AssertRefusedAsync(app, dataset.Id.ToString(), "format safetensors");
    }

    [Fact]
    public async Task An_unknown_dataset_id_is_a_400_naming_the_parameter()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);

        await AssertRefusedAsync(app, Guid.NewGuid().ToString(), "no dataset");
    }

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public async Task A_crafted_safetensors_dataset_is_a_400_naming_the_parameter(string name)
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, CraftedWeights.All().Single(f => f.Name == name).File);

        await AssertRefusedAsync(app, dataset.Id.ToString(), "Not a safetensors file");
    }

    private static async Task AssertRefusedAsync(TestApp app, string weights, string messagePart)
    {
        using var response = await app.Client.PostAsync("/api/v1/runs", HostileCases.WeightsSubmission(weights), Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        ProblemAssert.NamesField(problem, HostileCases.WeightsField);
        Assert.Contains(messagePart, problem.GetProperty("errors").GetProperty(HostileCases.WeightsField)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await app.Client.GetFromJsonAsync<RunList>("/api/v1/runs", Json.Options, Ct))!.Total);
    }
}
