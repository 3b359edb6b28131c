using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Runs;
using Platform.IntegrationTests.Datasets;
using Platform.IntegrationTests.Support;
using Platform.Web.Components.Pages.Datasets;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// Malformed and hostile requests against the real endpoints: each gets its own 4xx as a problem document
/// naming the bad field, and none changes a row. Free text that is right to accept is shown stored and escaped.
/// </summary>
public sealed class HostileInputTests(HostileInputApp fixture) : IClassFixture<HostileInputApp>
{
    private const string Sql = "'; DROP TABLE runs; --";
    private const string Script = "<script>alert(1)</script>";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Cases => new(HostileCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Gets_its_4xx_as_a_problem_and_changes_nothing(string name)
    {
        var hostile = HostileCases.Find(name);
        var before = await DatabaseSnapshot.TakeAsync(fixture.Database, Ct);

        using var request = hostile.ToMessage(fixture.OthersRun);
        using var response = await fixture.Runner.SendAsync(request, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, hostile.Status);
        if (hostile.Field is { } field)
        {
            ProblemAssert.NamesField(problem, field);
        }

        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(fixture.Database, Ct));
    }

    [Fact]
    public void The_table_has_50_distinct_cases_covering_every_category_and_every_400_names_a_field()
    {
        Assert.True(HostileCases.All.Count >= 50, $"only {HostileCases.All.Count} cases");
        Assert.Equal(HostileCases.All.Count, HostileCases.All.Select(c => c.Name).Distinct().Count());
        Assert.Empty(Enum.GetValues<HostileCategory>().Except(HostileCases.All.Select(c => c.Category)));
        Assert.All(HostileCases.All.Where(c => c.Status == HttpStatusCode.BadRequest), c => Assert.NotNull(c.Field));
    }

    [Theory]
    [InlineData("q", Sql)]
    [InlineData("q", Script)]
    [InlineData("q", "%")]
    [InlineData("q", "_")]
    [InlineData("tag", Sql)]
    [InlineData("kind", Script)]
    public async Task Search_text_is_matched_as_plain_text_and_changes_nothing(string filter, string text)
    {
        var before = await DatabaseSnapshot.TakeAsync(fixture.Database, Ct);

        var list = await fixture.Runner.GetFromJsonAsync<RunList>($"/api/v1/runs?{filter}={Uri.EscapeDataString(text)}", Json.Options, Ct);

        Assert.Equal(0, list!.Total);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(fixture.Database, Ct));
    }

    [Fact]
    public async Task A_free_text_dataset_is_stored_verbatim_and_its_name_rendered_escaped()
    {
        // An uploaded corpus is free text: SQL and markup in it are words to learn from, not something to refuse.
        var corpus = Encoding.UTF8.GetBytes(string.Join("\n\n", Enumerable.Range(0, 10).Select(i => $"{Script} {i}\n{Sql} {i}")));
        var (dataset, _) = await DatasetUploads.UploadAsync(fixture.Runner, corpus, format: "dialogue-text", name: Script);
        using var response = await fixture.Runner.PostAsJsonAsync("/api/v1/runs",
            new { kind = "text-entry", parameters = new { uploadedCorpus = dataset.Id } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<RunDto>(Json.Options, Ct))!.Id;

        Assert.Equal(corpus, await fixture.Runner.GetByteArrayAsync($"/api/v1/datasets/{dataset.Id}/content", Ct));
        var html = await RenderAsync<RunDatasetLinks>(new() { [nameof(RunDatasetLinks.RunId)] = id });
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task An_unknown_kind_is_quoted_back_only_in_part()
    {
        var kind = new string('x', 100_000);
        using var response = await fixture.Runner.PostAsJsonAsync("/api/v1/runs", new { kind }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").GetProperty("kind")[0].GetString()!;
        Assert.Contains($"'{new string('x', 64)}…'", error);
        Assert.True(error.Length < 1_000, $"the error is {error.Length} characters long");
    }

    /// <summary>One of the run page's components, rendered by the app's own services.</summary>
    private async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
