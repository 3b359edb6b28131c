using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Core.Datasets;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Security;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Datasets;

/// <summary>Upload, download and delete through <c>/api/v1/datasets</c>, against the rows they leave in PostgreSQL.</summary>
public sealed class DatasetsApiTests(PostgresServer server)
{
    private const long MiB = 1 << 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_200_MiB_upload_streams_with_the_working_set_growing_less_than_64_MiB()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web);
        var source = new GeneratedStream(200 * MiB);
        using var file = new StreamContent(source, 64 * 1024);
        file.Headers.ContentLength = source.Length;
        using var form = DatasetUploads.Form(file, "random.bin", "binary");

        // The test host runs the server in this process, so its working set is the server's (plus this small client).
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10, CancellationToken.None);
            }
        }, Ct);
        // 200 MiB through Kestrel and COPY on a shared two-core machine can take longer than the default client's minute.
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(10) };
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/api/v1/datasets", form, Ct);
        await sampling.CancelAsync();
        await sampler;

        var growth = peak - baseline;
        TestContext.Current.TestOutputHelper?.WriteLine($"working set: baseline {baseline / MiB} MiB, peak {peak / MiB} MiB, growth {growth / (double)MiB:F1} MiB, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dataset = (await response.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options, Ct))!;
        Assert.Equal(200 * MiB, dataset.Size);
        Assert.Equal(source.Sha256(), dataset.Sha256);
        Assert.Equal((1L, 200L), await DatasetRows.CountAsync(database));
        Assert.True(growth < 64 * MiB, $"the working set grew by {growth / MiB} MiB while uploading 200 MiB");
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_are_one_dataset()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web);
        var bytes = new byte[(int)(2.5 * MiB)];
        new Random(7).NextBytes(bytes);

        var (first, firstStatus) = await DatasetUploads.UploadAsync(app.Client, bytes, "binary", "first.bin");
        var (second, secondStatus) = await DatasetUploads.UploadAsync(app.Client, bytes, "binary", "second name.bin");

        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("first.bin", second.Name);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), first.Sha256);
        Assert.Equal((1L, 3L), await DatasetRows.CountAsync(database));
    }

    [Fact]
    public async Task An_upload_the_client_abandons_mid_body_leaves_no_rows()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web);
        // Abort only once the server is inside the upload's COPY, with chunks of it written, so a leak would show.
        var source = new GeneratedStream(10 * MiB, failAfter: 3 * MiB, beforeFailing: () => DatasetRows.WaitForUploadTransactionAsync(database, inside: true));
        using var file = new StreamContent(source, 64 * 1024);
        file.Headers.ContentLength = source.Length;
        using var form = DatasetUploads.Form(file, "cut.bin", "binary");

        await Assert.ThrowsAnyAsync<Exception>(() => app.Client.PostAsync("/api/v1/datasets", form, Ct));
        await DatasetRows.WaitForUploadTransactionAsync(database, inside: false);

        Assert.Equal((0L, 0L), await DatasetRows.CountAsync(database));
    }

    [Theory]
    [InlineData(3 * MiB / 2)] // within the body allowance: refused by counting the file's bytes
    [InlineData(3 * MiB)] // past the body allowance: refused by Kestrel's limit on this endpoint
    public async Task A_file_over_MaxDatasetBytes_gets_413_and_leaves_no_rows(long size)
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web,
            new Dictionary<string, string> { ["Limits:MaxDatasetBytes"] = MiB.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var source = new GeneratedStream(size);
        using var file = new StreamContent(source, 64 * 1024);
        file.Headers.ContentLength = size;
        using var form = DatasetUploads.Form(file, "big.bin", "binary");

        using var response = await app.Client.PostAsync("/api/v1/datasets", form, Ct);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal((0L, 0L), await DatasetRows.CountAsync(database));
    }

    [Fact]
    public async Task Missing_fields_get_a_400_naming_each_and_leave_no_rows()
    {
        var database = await server.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(database, PlatformRole.Web);
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.bin" }, { new StringContent("Not A Format!"), "format" } };

        using var response = await app.Client.PostAsync("/api/v1/datasets", form, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        ProblemAssert.NamesField(problem, "format");
        ProblemAssert.NamesField(problem, "licence");
        Assert.Equal((0L, 0L), await DatasetRows.CountAsync(database));
    }

    [Fact]
    public async Task Content_streams_back_with_its_length_and_hash_as_ETag_and_answers_304_when_unchanged()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var bytes = new byte[(int)(1.5 * MiB)];
        new Random(3).NextBytes(bytes);
        var (dataset, _) = await DatasetUploads.UploadAsync(app.Client, bytes, "binary");

        using var response = await app.Client.GetAsync($"/api/v1/datasets/{dataset.Id}/content", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{dataset.Sha256}\"", response.Headers.ETag?.Tag);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Ct));

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/datasets/{dataset.Id}/content");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{dataset.Sha256}\""));
        using var notModified = await app.Client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_dataset_a_run_used_cannot_be_deleted_and_an_unused_one_can()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var (used, _) = await DatasetUploads.UploadAsync(app.Client, CraftedWeights.File(CraftedWeights.Valid()));
        var (unused, _) = await DatasetUploads.UploadAsync(app.Client, [1, 2, 3, 4], "binary", "unused.bin");
        using var submitted = await app.Client.PostAsync("/api/v1/runs", HostileCases.WeightsSubmission(used.Id.ToString()), Ct);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var run = (await submitted.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!;

        using var refused = await app.Client.DeleteAsync($"/api/v1/datasets/{used.Id}", Ct);
        using var deleted = await app.Client.DeleteAsync($"/api/v1/datasets/{unused.Id}", Ct);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await app.Client.GetAsync($"/api/v1/datasets/{unused.Id}/content", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var uses = await app.Client.GetFromJsonAsync<List<DatasetUse>>($"/api/v1/datasets/{used.Id}/runs", Json.Options, Ct);
        Assert.Equal(run.Id, Assert.Single(uses!).RunId);
        Assert.Equal("pretrainedWeights", uses![0].Parameter);
    }
}
