using System.Text;
using System.Text.Json;
using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// The <c>traces.jsonl</c> artifact: one line per phrase with its context, abbreviation and, for every simulated
/// user, each query with the phrases it showed, each action, the cost and the path that finished it.
/// </summary>
public static class PhraseTraces
{
    public const string ArtifactName = "traces.jsonl";
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    public static byte[] Write(SimulationTally tally)
    {
        var text = new StringBuilder();
        foreach (var results in tally.Results)
        {
            var line = new
            {
                target = results.Phrase.Text,
                context = results.Phrase.Context.Select(turn => Text.PhraseText.Render(turn)),
                abbreviation = results.Phrase.Abbreviation,
                users = tally.Configurations.Select((c, i) => Trace(c.Name, results.Abbreviation[i]))
                    .Append(Trace("keyboard", results.Keyboard))
                    .Append(Trace("plain", results.Plain)),
            };
            text.Append(JsonSerializer.Serialize(line, s_options)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static object Trace(string user, PhraseOutcome outcome) => new
    {
        user,
        path = SimulationTally.PathName(outcome.Path),
        outcome.Cost,
        outcome.Characters,
        ksr = outcome.SavingRate,
        initialRank = outcome.InitialRank,
        queries = outcome.Steps.Select(s => new { typed = s.Typed, shown = s.Shown }),
        actions = string.Join(' ', outcome.Actions.Select(Code)),
    };

    // One short code per action keeps a phrase's trace on one readable line.
    private static string Code(ActionKind action) => action switch
    {
        ActionKind.Keystroke => "k",
        ActionKind.Space => "_",
        ActionKind.SelectPhrase => "P",
        ActionKind.SelectSuggestion => "S",
        ActionKind.FillMaskSelectWord => "M",
        ActionKind.FillMaskPick => "F",
        _ => "?",
    };
}
