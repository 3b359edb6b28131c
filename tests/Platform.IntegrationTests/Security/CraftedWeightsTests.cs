using System.Net;
using System.Net.Http.Json;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.Experiments.Contract;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.IntegrationTests.Datasets;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// Crafted weights files cost the web process no more memory than their own bytes: the header is checked before any
/// tensor exists. (Each file also gets its 400 as an uploaded dataset through <c>POST /api/v1/runs</c> in <c>CraftedDatasetTests</c>.)
/// </summary>
public sealed class CraftedWeightsTests(PostgresServer server)
{
    /// <summary>Room for the header's names, the error message and the reader's small lists, whatever the file.</summary>
    private const long Slack = 256 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Files => new([.. CraftedWeights.All().Select(f => f.Name), "100,000 entries"]);

    [Fact]
    public async Task The_model_s_own_layout_is_accepted()
    {
        // The control: the crafted files are refused for what was changed in them, not for something all share.
        var valid = CraftedWeights.File(CraftedWeights.Valid());

        Assert.Null(await Check(valid));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_crafted_file_is_refused_allocating_at_most_its_own_size(string name)
    {
        var file = name == "100,000 entries" ? CraftedWeights.HundredThousandEntries() : CraftedWeights.All().Single(f => f.Name == name).File;
        await Check(CraftedWeights.File(CraftedWeights.Valid()));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var check = Check(file);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // On a memory stream the check completes on this thread, so the count above holds all of it.
        Assert.True(check.IsCompleted, "the check went asynchronous, so this thread's allocation count misses part of it");
        var error = await check;

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {file.Length} bytes, {allocated} allocated: {error}");
        Assert.NotNull(error);
        // The header (at most 1 MiB, and never more than the file) is the one allocation that grows with the input;
        // nothing may grow with what the header claims.
        Assert.True(allocated <= Math.Min(file.Length, SafetensorsLayout.MaxHeaderBytes) + Slack, $"checking {file.Length} bytes allocated {allocated} bytes ({error})");
    }

    [Fact]
    public void Decoding_a_valid_file_allocates_its_floats_and_little_more()
    {
        var layout = CraftedWeights.Valid();
        var file = CraftedWeights.File(layout);
        var expected = VitShapes.Pretrained(CraftedWeights.Config);
        Safetensors.Read(file, expected);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var tensors = Safetensors.Read(file, expected);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        TestContext.Current.TestOutputHelper?.WriteLine($"{file.Length} bytes ({CraftedWeights.DataLength(layout)} of data), {allocated} allocated");
        Assert.Equal(expected.Count, tensors.Count);
        Assert.True(allocated <= CraftedWeights.DataLength(layout) + Slack, $"decoding {file.Length} bytes allocated {allocated} bytes");
    }

    [Fact]
    public async Task A_weights_dataset_of_100_000_entries_gets_a_400_naming_the_weights_and_queues_nothing()
    {
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));
        var (dataset, _) = await DatasetUploads.UploadAsync(runner, CraftedWeights.HundredThousandEntries());

        using var response = await runner.PostAsync("/api/v1/runs", HostileCases.WeightsSubmission(dataset.Id.ToString()), Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        ProblemAssert.NamesField(problem, HostileCases.WeightsField);
        Assert.Equal(0, (await runner.GetFromJsonAsync<RunList>("/api/v1/runs", Json.Options, Ct))!.Total);
    }

    /// <summary>The submission's check, on a file as a stored dataset streams it.</summary>
    private static Task<string?> Check(byte[] file) =>
        SafetensorsCheck.DescribeAsync(new DatasetContent(Guid.NewGuid(), "safetensors", "", file.Length, new MemoryStream(file, writable: false)),
            CraftedWeights.Config, Ct);
}
