using System.Net;
using System.Net.Http.Json;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.Core.Security;
using Platform.Experiments.FederatedPrompt.Model;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// Crafted weights files cost the web process no more memory than their own bytes: the header is checked before any
/// tensor exists. (Each file also gets its 400 through <c>POST /api/v1/runs</c> in the hostile-input table.)
/// </summary>
public sealed class CraftedWeightsTests(PostgresServer server)
{
    /// <summary>Room for the header's names, the error message and the reader's small lists, whatever the file.</summary>
    private const long Slack = 256 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Files => new([.. CraftedWeights.All().Select(f => f.Name), "100,000 entries"]);

    [Fact]
    public void The_model_s_own_layout_is_accepted()
    {
        // The control: the crafted files are refused for what was changed in them, not for something all share.
        var valid = CraftedWeights.File(CraftedWeights.Valid());

        Assert.Null(SafetensorsCheck.Describe(Convert.ToBase64String(valid), CraftedWeights.Config));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_crafted_file_is_refused_allocating_at_most_its_own_size(string name)
    {
        var file = name == "100,000 entries" ? CraftedWeights.HundredThousandEntries() : CraftedWeights.All().Single(f => f.Name == name).File;
        var base64 = Convert.ToBase64String(file);
        SafetensorsCheck.Describe(Convert.ToBase64String(CraftedWeights.File(CraftedWeights.Valid())), CraftedWeights.Config);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = SafetensorsCheck.Describe(base64, CraftedWeights.Config);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {file.Length} bytes, {allocated} allocated: {error}");
        Assert.NotNull(error);
        // The decoded file is the one allocation that grows with the input; nothing may grow with what the header claims.
        Assert.True(allocated <= file.Length + Slack, $"checking {file.Length} bytes allocated {allocated} bytes ({error})");
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
    public async Task A_file_of_100_000_entries_gets_a_400_naming_the_weights_and_queues_nothing()
    {
        // The default 1 MB body limit would refuse this file before it is parsed; raise it as a dashboard-sized upload would.
        await using var app = await SecureApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:MaxRequestBodyBytes"] = (64 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var runner = app.ClientWithKey(await app.CreateKeyAsync(AccessRole.Runner));

        using var response = await runner.PostAsync("/api/v1/runs", HostileCases.WeightsSubmission(CraftedWeights.HundredThousandEntries()), Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        ProblemAssert.NamesField(problem, HostileCases.WeightsField);
        Assert.Equal(0, (await runner.GetFromJsonAsync<RunList>("/api/v1/runs", Json.Options, Ct))!.Total);
    }
}
