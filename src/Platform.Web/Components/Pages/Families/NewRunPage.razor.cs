using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Core.Runs;
using IExperiment = Platform.Experiments.Contract.IExperiment;
using FamilyCatalog = Platform.Experiments.Contract.FamilyCatalog;
using Platform.Web.Components.Pages.Families.Components;
using Platform.Web.Forms;
using Platform.Web.Runs;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Families;

/// <summary>
/// The New-run form of a family, generated from its parameter schema. Prefills from <c>?preset=</c> or from an
/// earlier run (<c>?from=</c>, what the run page's Run again links to) and submits through the same service as the API.
/// </summary>
public sealed partial class NewRunPage
{
    private IExperiment? _experiment;
    private RunForm? _form;
    private string? _notice;
    private string? _warning;
    private string? _otherKindForm;
    private bool _submitting;
    private (string Kind, Guid? From, string? Preset)? _loadedFor;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private readonly Dictionary<string, ParameterInput> _inputs = new(StringComparer.Ordinal);
    private bool _rejected;
    private string? _focusPending;

    [Parameter]
    public string Kind { get; set; } = "";

    [SupplyParameterFromQuery(Name = "from")]
    public Guid? From { get; set; }

    [SupplyParameterFromQuery(Name = "preset")]
    public string? PresetName { get; set; }

    [Inject] private FamilyCatalog Catalog { get; set; } = default!;

    [Inject] private RunReader Runs { get; set; } = default!;

    [Inject] private RunSubmissionService Submissions { get; set; } = default!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Something still stands between the form and a queued run.</summary>
    private bool HasProblems => _form is { } form && (!form.IsValid || form.GeneralErrors.Count > 0);

    /// <summary>Open when the server found an advanced knob wrong, so the summary's link has a field to go to.</summary>
    private bool AdvancedOpen => _rejected && _form is { } form && form.AdvancedParameters.Any(f => f.Error is not null);

    private IEnumerable<string> KnownKinds => Catalog.All.Select(e => e.Kind).Order(StringComparer.Ordinal);

    protected override async Task OnParametersSetAsync()
    {
        // Query changes re-run this; rebuild only when what the form is built from has changed.
        var key = (Kind, From, PresetName);
        if (_loadedFor == key)
        {
            return;
        }

        _loadedFor = key;
        (_form, _notice, _warning, _otherKindForm) = (null, null, null, null);
        _experiment = Catalog.TryGet(Kind, out var experiment) ? experiment : null;
        if (_experiment is null)
        {
            return;
        }

        _breadcrumbs = [new("Families", "/families"), new(_experiment.Title, null, disabled: true), new("New run", null, disabled: true)];
        var form = RunForm.Create(Kind, _experiment.ParametersType);
        if (PresetName is { } name)
        {
            LoadPreset(form, name);
        }

        if (From is { } id)
        {
            await LoadRunAsync(form, id);
        }

        _form = form;
    }

    private void LoadPreset(RunForm form, string name)
    {
        if (_experiment!.Presets.FirstOrDefault(p => p.Name == name) is { } preset)
        {
            form.LoadPreset(preset);
            _notice = $"Prefilled from the preset '{preset.Title}': {preset.Description}";
        }
        else
        {
            _warning = $"'{_experiment.Kind}' has no preset '{name}'; the form starts from the family's defaults.";
        }
    }

    private async Task LoadRunAsync(RunForm form, Guid id)
    {
        var run = await Runs.GetAsync(id, CancellationToken.None);
        if (run is null)
        {
            _warning = $"There is no run {id}; the form starts from the family's defaults.";
        }
        else if (run.Kind != Kind)
        {
            _warning = $"Run {id.ToString("N")[^8..]} is a '{run.Kind}' run, not '{Kind}'; the form starts from the family's defaults.";
            _otherKindForm = $"/families/{run.Kind}/new?from={id}";
        }
        else
        {
            form.LoadRun(run);
            _notice = $"Prefilled from run {id.ToString("N")[^8..]} (its parameters, seed {run.Seed} and tags). Change what you want to vary.";
        }
    }

    private Task StartFromAsync(string? presetName)
    {
        var preset = _experiment!.Presets.FirstOrDefault(p => p.Name == presetName);
        if (preset is null)
        {
            _form!.LoadParameters([]);
            _form.Preset = null;
        }
        else
        {
            _form!.LoadPreset(preset);
        }

        return Task.CompletedTask;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPending is { } name)
        {
            _focusPending = null;
            await FocusAsync(name);
        }
    }

    private async Task FocusAsync(string name)
    {
        if (_inputs.TryGetValue(name, out var input))
        {
            await input.FocusAsync();
        }
    }

    private Task ResetAsync()
    {
        _form!.Reset();
        (_notice, _warning, _otherKindForm) = (null, null, null);
        return Task.CompletedTask;
    }

    private async Task SubmitAsync()
    {
        if (_form is null || _submitting || !_form.IsValid)
        {
            return;
        }

        _submitting = true;
        try
        {
            var result = await Submissions.SubmitAsync(await Authentication.GetCallerAsync(), _form.ToRequest(), null, CancellationToken.None);
            if (result.Run is null)
            {
                _form.ApplyServerErrors(result.Errors);
                _rejected = true;
                // Focus after the render that opens "Advanced" if the first bad field is there.
                _focusPending = _form.FieldsInError.FirstOrDefault()?.Name;
                return;
            }

            Navigation.NavigateTo($"/runs/{result.Run.Id}");
        }
        finally
        {
            _submitting = false;
        }
    }
}
