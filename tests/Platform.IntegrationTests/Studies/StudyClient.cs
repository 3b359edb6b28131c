using System.Net.Http.Json;
using Platform.Core.Runs;
using Platform.Core.Studies;
using Platform.IntegrationTests.Support;

namespace Platform.IntegrationTests.Studies;

/// <summary>The studies API as the tests call it.</summary>
internal static class StudyClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<StudyDto> SubmitStudyAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/studies", body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<StudyDto>(Json.Options, Ct))!;
    }

    public static async Task<StudyDto> GetStudyAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<StudyDto>($"/api/v1/studies/{id}", Json.Options, Ct))!;

    public static async Task<IReadOnlyList<RunDto>> GetStudyRunsAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<List<RunDto>>($"/api/v1/studies/{id}/runs", Json.Options, Ct))!;

    /// <summary>Polls until the study is in a finished state; fails after <paramref name="timeout"/>.</summary>
    public static async Task<StudyDto> WaitForStudyAsync(this HttpClient client, Guid id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var study = await client.GetStudyAsync(id);
            if (study.State is not (StudyState.Queued or StudyState.Running))
            {
                return study;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Study {id} did not finish in time: {study.Progress}.");
            }

            await Task.Delay(100, Ct);
        }
    }
}
