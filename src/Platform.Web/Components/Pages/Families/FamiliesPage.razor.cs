using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Core.Runs;
using Platform.Experiments.Contract;
using Platform.Web.Components.Pages.Families.Components;
using Platform.Web.Runs;
using Platform.Web.Security;
using Platform.Web.Studies;

namespace Platform.Web.Components.Pages.Families;

/// <summary>The catalogue: one card per registered family, with one-click runs of its presets.</summary>
public sealed partial class FamiliesPage
{
    private IReadOnlyList<IExperiment> _families = [];
    private Dictionary<string, FamilyActivity> _activity = [];
    private bool _submitting;

    [Inject] private FamilyCatalog Catalog { get; set; } = default!;

    [Inject] private RunReader Runs { get; set; } = default!;

    [Inject] private RunSubmissionService Submissions { get; set; } = default!;

    [Inject] private StudySubmissionService Studies { get; set; } = default!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _families = Catalog.All.OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase).ToList();
        var activity = new Dictionary<string, FamilyActivity>();
        foreach (var family in _families)
        {
            // One page of one run per family gives both its count and its newest run.
            var page = await Runs.ListAsync(new RunFilter(Kind: family.Kind, PageSize: 1), CancellationToken.None);
            activity[family.Kind] = new FamilyActivity(page.Total, page.Items.FirstOrDefault());
        }

        _activity = activity;
    }

    private async Task QueuePresetAsync(IExperiment experiment, string preset)
    {
        if (_submitting)
        {
            return;
        }

        _submitting = true;
        try
        {
            if (preset == ExperimentPreset.HeadlineName)
            {
                await QueueHeadlineStudyAsync(experiment);
                return;
            }

            // The run stores parameters, not the preset's name; the tag keeps it findable in the runs list.
            var request = new SubmitRunRequest(experiment.Kind, null, null, [$"preset:{preset}"], preset);
            var result = await Submissions.SubmitAsync(await Authentication.GetCallerAsync(), request, null, CancellationToken.None);
            if (result.Run is null)
            {
                Snackbar.Add(string.Join(" ", result.Errors.SelectMany(e => e.Value)), Severity.Error);
                return;
            }

            Navigation.NavigateTo($"/runs/{result.Run.Id}");
        }
        finally
        {
            _submitting = false;
        }
    }

    /// <summary>The headline is judged across seeds: a study of the headline preset over the family's declared seed count.</summary>
    private async Task QueueHeadlineStudyAsync(IExperiment experiment)
    {
        var request = new SubmitStudyRequest(experiment.Kind, ExperimentPreset.HeadlineName, null, null, experiment.HeadlineSeeds, null,
            [$"preset:{ExperimentPreset.HeadlineName}"]);
        var result = await Studies.SubmitAsync(await Authentication.GetCallerAsync(), request, null, CancellationToken.None);
        if (result.Study is null)
        {
            Snackbar.Add(string.Join(" ", result.Errors.SelectMany(e => e.Value)), Severity.Error);
            return;
        }

        Navigation.NavigateTo($"/studies/{result.Study.Id}");
    }
}
