using MudBlazor;
using Platform.Core.Runs;
using Platform.Web.Components.Pages.Runs.Components;
using Platform.Web.Runs;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Runs;

/// <summary>Naming a run and noting something about it, from its row.</summary>
public partial class RunsPage
{
    private async Task LabelAsync(RunRow row)
    {
        var dialog = await Dialogs.ShowAsync<LabelRunDialog>("Name run", new DialogParameters<LabelRunDialog> { { d => d.Row, row } });
        if (await dialog.Result is not { Canceled: false, Data: ValueTuple<string, string> words })
        {
            return;
        }

        var (name, note) = (words.Item1.Trim(), words.Item2.Trim());
        if ((LabelRunRequest.Check("name", name) ?? LabelRunRequest.Check("note", note)) is { } problem)
        {
            Snackbar.Add(problem, Severity.Warning);
            return;
        }

        var outcome = await Labels.UpdateAsync(await Authentication.GetCallerAsync(), row.Id, name, note, CancellationToken.None);
        if (outcome != LabelOutcome.Updated)
        {
            Snackbar.Add(outcome == LabelOutcome.Forbidden ? "Your role may not name this run." : "The run no longer exists.", Severity.Warning);
            return;
        }

        if (await Runs.GetAsync(row.Id, CancellationToken.None) is { } labelled)
        {
            row.Apply(labelled);
        }
    }
}
