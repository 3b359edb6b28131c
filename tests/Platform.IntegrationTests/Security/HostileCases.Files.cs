using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// Files as parameters: federated-prompt's weights are a dataset id, so the one-request cases are ids that name no
/// dataset. Each crafted safetensors file goes through a real upload and submission in <c>CraftedDatasetTests</c>.
/// </summary>
internal static partial class HostileCases
{
    public const string WeightsField = "parameters.pretrainedWeights";

    private static IEnumerable<HostileRequest> Files() =>
    [
        new("POST runs: weights naming no dataset", HostileCategory.CraftedFile, HttpMethod.Post, Runs,
            () => WeightsSubmission(Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, WeightsField),
        new("POST runs: weights as base64 text instead of a dataset id", HostileCategory.CraftedFile, HttpMethod.Post, Runs,
            () => WeightsSubmission(Convert.ToBase64String(CraftedWeights.File(CraftedWeights.Valid()))), HttpStatusCode.BadRequest, WeightsField),
    ];

    /// <summary>A federated-prompt submission for the crafted files' model whose weights parameter is <paramref name="weights"/>.</summary>
    public static HttpContent WeightsSubmission(string weights)
    {
        var json = "{\"kind\":\"federated-prompt\",\"parameters\":{" + CraftedWeights.ModelJson + ",\"pretrainedWeights\":\"" + weights + "\"}}";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
