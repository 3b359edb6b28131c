using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Platform.IntegrationTests.Security;

/// <summary>Crafted uploaded files: each safetensors file of <see cref="CraftedWeights"/> as federated-prompt's weights.</summary>
internal static partial class HostileCases
{
    public const string WeightsField = "parameters.pretrainedWeights";

    private static IEnumerable<HostileRequest> Files() => CraftedWeights.All().Select(crafted =>
        new HostileRequest($"POST runs: weights with {crafted.Name}", HostileCategory.CraftedFile, HttpMethod.Post, Runs,
            () => WeightsSubmission(crafted.File), HttpStatusCode.BadRequest, WeightsField));

    /// <summary>A federated-prompt submission carrying <paramref name="file"/>, base64-encoded, for the crafted files' model.</summary>
    public static HttpContent WeightsSubmission(byte[] file)
    {
        var json = "{\"kind\":\"federated-prompt\",\"parameters\":{" + CraftedWeights.ModelJson
            + ",\"pretrainedWeights\":\"" + Convert.ToBase64String(file) + "\"}}";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
