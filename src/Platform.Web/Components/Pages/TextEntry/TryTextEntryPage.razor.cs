using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Platform.Core.Artifacts;
using Platform.Core.Runs;
using Platform.Experiments.TextEntry;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Model;

namespace Platform.Web.Components.Pages.TextEntry;

/// <summary>
/// Expands what a person types with the model a finished text-entry run saved. Loaded models are kept per run for
/// the life of the process (an n-gram or GRU model is a few hundred kilobytes to a few megabytes), so switching runs or reloading the page is instant.
/// </summary>
public partial class TryTextEntryPage
{
    /// <summary>
    /// Longest abbreviation expanded: the beam search's work grows with it, and a browser can send far more than the
    /// field's maxlength allows, so the server checks again.
    /// </summary>
    public const int MaxAbbreviationLength = 120;

    /// <summary>As long as a turn of a corpus may be.</summary>
    public const int MaxPartnerTurnLength = CorpusParser.MaxTurnLength;

    private const int MaxCachedModels = 16;
    private const int CandidatesShown = 5;
    private static readonly ConcurrentDictionary<Guid, TextEntryAssistant> s_models = new();

    private IReadOnlyList<RunDto>? _runs;
    private Guid? _runId;
    private TextEntryAssistant? _assistant;
    private string? _modelError;
    private string? _typed;
    private string? _partnerTurn;
    private IReadOnlyList<ExpansionSuggestion> _suggestions = [];
    private string? _inputError;

    [SupplyParameterFromQuery(Name = "run")]
    public Guid? Run { get; set; }

    [Inject] private RunReader Runs { get; set; } = default!;
    [Inject] private ArtifactStore Artifacts { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var list = await Runs.ListAsync(new RunFilter([RunState.Succeeded], TextEntryExperiment.KindName, PageSize: 50), CancellationToken.None);
        _runs = list.Items;
        var chosen = _runs.FirstOrDefault(r => r.Id == Run) ?? _runs.FirstOrDefault();
        if (chosen is not null && chosen.Id != _runId)
        {
            await LoadAsync(chosen.Id);
        }
    }

    private async Task SelectRunAsync(Guid? id)
    {
        if (id is { } run)
        {
            Navigation.NavigateTo($"/try/text-entry?run={run}", replace: true);
            await LoadAsync(run);
        }
    }

    private async Task LoadAsync(Guid run)
    {
        _runId = run;
        _modelError = null;
        _assistant = null;
        if (!s_models.TryGetValue(run, out var assistant))
        {
            var artifact = await ReadModelAsync(run);
            if (artifact is null)
            {
                _modelError = $"Run {run} saved no model ({string.Join(" or ", DialogueModelFile.ArtifactNames)}).";
                return;
            }

            try
            {
                assistant = TextEntryAssistant.Load(artifact);
            }
            catch (InvalidDataException e)
            {
                _modelError = $"The model of run {run} cannot be read: {e.Message}";
                return;
            }

            if (s_models.Count >= MaxCachedModels)
            {
                s_models.Clear();
            }

            s_models[run] = assistant;
        }

        _assistant = assistant;
        Refresh();
    }

    private async Task<byte[]?> ReadModelAsync(Guid run)
    {
        foreach (var name in DialogueModelFile.ArtifactNames)
        {
            if (await Artifacts.ReadAsync(run, name, CancellationToken.None) is { } artifact)
            {
                return artifact.Content;
            }
        }

        return null;
    }

    private Task SetTypedAsync(string? value)
    {
        _typed = value;
        Refresh();
        return Task.CompletedTask;
    }

    private Task SetPartnerTurnAsync(string? value)
    {
        _partnerTurn = value;
        Refresh();
        return Task.CompletedTask;
    }

    private void Refresh()
    {
        _inputError = (_typed?.Length ?? 0) > MaxAbbreviationLength
            ? $"An abbreviation is at most {MaxAbbreviationLength} characters."
            : (_partnerTurn?.Length ?? 0) > MaxPartnerTurnLength ? $"The partner's turn is at most {MaxPartnerTurnLength} characters." : null;
        _suggestions = _assistant is null || _inputError is not null || string.IsNullOrWhiteSpace(_typed)
            ? []
            : _assistant.Expand(_typed, _partnerTurn, CandidatesShown);
    }

    private static string RunLabel(RunDto run) =>
        $"{run.ShortId} · {run.FinishedAt?.ToLocalTime():yyyy-MM-dd HH:mm} · seed {run.Seed}";
}
