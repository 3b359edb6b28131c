using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Platform.Web.Forms;
using Platform.Web.Security;
using Platform.Web.Studies;

namespace Platform.Web.Components.Pages.Studies;

/// <summary>The New-study form of one family; submits through the same service as the API.</summary>
public sealed partial class NewStudyPage
{
    private StudyForm? _form;
    private string? _title;
    private bool _submitting;

    [Parameter]
    public string Kind { get; set; } = "";

    [Inject] private Platform.Experiments.Contract.FamilyCatalog Catalog { get; set; } = default!;

    [Inject] private StudySubmissionService Submissions { get; set; } = default!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (Catalog.TryGet(Kind, out var experiment))
        {
            _title = experiment.Title;
            _form ??= new StudyForm(RunForm.Create(experiment.Kind, experiment.ParametersType));
        }
    }

    private void SetSeeds(int seeds)
    {
        if (_form is not null)
        {
            _form.Seeds = seeds;
        }
    }

    private async Task SubmitAsync()
    {
        if (_form is null || _submitting)
        {
            return;
        }

        _submitting = true;
        try
        {
            var result = await Submissions.SubmitAsync(await Authentication.GetCallerAsync(), _form.ToRequest(), null, CancellationToken.None);
            if (result.Study is null)
            {
                _form.ApplyServerErrors(result.Errors);
                return;
            }

            Navigation.NavigateTo($"/studies/{result.Study.Id}");
        }
        finally
        {
            _submitting = false;
        }
    }
}
