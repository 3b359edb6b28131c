using System.Net;
using System.Net.Http.Json;
using Platform.Core.Datasets;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Datasets;

/// <summary>Uploads through <c>POST /api/v1/datasets</c> as a client would (multipart, the file streamed).</summary>
internal static class DatasetUploads
{
    public static MultipartFormDataContent Form(HttpContent file, string name = "weights.safetensors", string format = "safetensors", string licence = "CC0-1.0")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(name), "name" },
            { new StringContent(format), "format" },
            { new StringContent(licence), "licence" },
        };
        form.Add(file, "file", name);
        return form;
    }

    public static async Task<(DatasetInfo Dataset, HttpStatusCode Status)> UploadAsync(HttpClient client, byte[] bytes, string format = "safetensors", string name = "weights.safetensors")
    {
        using var form = Form(new ByteArrayContent(bytes), name, format);
        using var response = await client.PostAsync("/api/v1/datasets", form, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return ((await response.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options, TestContext.Current.CancellationToken))!, response.StatusCode);
    }
}
