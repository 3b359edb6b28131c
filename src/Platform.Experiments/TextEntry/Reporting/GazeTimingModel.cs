using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// A model estimate of text-entry speed, not a measurement: every key costs <c>secondsPerKeystroke</c>, every
/// selection <c>secondsPerSelection</c>, and each abbreviation query a wait of <c>latencySeconds</c>.
/// Words per minute follow the usual convention of five characters a word.
/// </summary>
public sealed record GazeTimingModel(double SecondsPerKeystroke, double SecondsPerSelection, double LatencySeconds)
{
    public double Seconds(PhraseOutcome outcome) =>
        outcome.Actions.Sum(a => a is ActionKind.Keystroke or ActionKind.Space ? SecondsPerKeystroke : SecondsPerSelection)
        + outcome.Steps.Count(s => !s.Typed.StartsWith("fill-mask", StringComparison.Ordinal)) * LatencySeconds;

    public double WordsPerMinute(IEnumerable<PhraseOutcome> outcomes)
    {
        double characters = 0, seconds = 0;
        foreach (var outcome in outcomes)
        {
            characters += outcome.Characters;
            seconds += Seconds(outcome);
        }

        return seconds == 0 ? double.NaN : characters / 5 / (seconds / 60);
    }

}
