using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// The run's final statistics with paired percentile-bootstrap intervals over the simulated phrases: the configured
/// user against the keyboard and, when the context ablation ran, the configured strategy with against without context.
/// </summary>
public sealed class TextEntryStatistics
{
    public TextEntryStatistics(SimulationTally tally, int bootstrapSamples, Random random)
    {
        var main = tally.Outcomes(0);
        var keyboard = tally.Keyboard;
        var flipped = FlippedIndex(tally.Configurations);
        FlippedConfiguration = flipped;
        IReadOnlyList<PhraseOutcome>? withContext = null, withoutContext = null;
        if (flipped is { } f)
        {
            (withContext, withoutContext) = tally.Configurations[0].UsesContext ? (main, tally.Outcomes(f)) : (tally.Outcomes(f), main);
        }

        double MainKsr(int[] idx) => SavingRate.Of(main, idx);
        double BaselineKsr(int[] idx) => SavingRate.Of(keyboard, idx);
        Func<int[], double>[] statistics =
        [
            MainKsr,
            BaselineKsr,
            idx => SavingRate.RelativeGain(MainKsr(idx), BaselineKsr(idx)),
            idx => MainKsr(idx) - BaselineKsr(idx),
            idx => withContext is null ? double.NaN : SavingRate.Of(withContext, idx) - SavingRate.Of(withoutContext!, idx),
            idx => withContext is null ? double.NaN : TopN(withContext, idx) / TopN(withoutContext!, idx),
        ];
        var intervals = Bootstrap.Intervals(tally.Count, bootstrapSamples, random, statistics);
        var all = Enumerable.Range(0, tally.Count).ToArray();
        Interval At(int i) => new(statistics[i](all), intervals[i].Low, intervals[i].High);
        AbbreviationKsr = At(0);
        KeyboardKsr = At(1);
        RelativeGain = At(2);
        AbsoluteGain = At(3);
        ContextKsrGain = withContext is null ? null : At(4);
        ContextTopNRatio = withContext is null ? null : At(5);
        TopNWithContext = withContext is null ? null : TopN(withContext, all);
        TopNWithoutContext = withoutContext is null ? null : TopN(withoutContext, all);
    }

    public Interval AbbreviationKsr { get; }
    public Interval KeyboardKsr { get; }

    /// <summary>KSR_abbreviation / KSR_keyboard − 1.</summary>
    public Interval RelativeGain { get; }

    /// <summary>KSR_abbreviation − KSR_keyboard.</summary>
    public Interval AbsoluteGain { get; }

    /// <summary>KSR with context minus KSR without, for the configured strategy (null without the ablation).</summary>
    public Interval? ContextKsrGain { get; }

    /// <summary>Top-N exact expansion rate of the initials with context over the rate without (null without the ablation).</summary>
    public Interval? ContextTopNRatio { get; }

    public double? TopNWithContext { get; }

    public double? TopNWithoutContext { get; }

    /// <summary>Index of the configuration that is the configured one with context flipped, if it was simulated.</summary>
    public int? FlippedConfiguration { get; }

    public static double TopN(IReadOnlyList<PhraseOutcome> outcomes, IEnumerable<int> idx) => Share(outcomes, idx, o => o.InitialRank >= 0);

    public static double Top1(IReadOnlyList<PhraseOutcome> outcomes, IEnumerable<int> idx) => Share(outcomes, idx, o => o.InitialRank == 0);

    public static double Share(IReadOnlyList<PhraseOutcome> outcomes, IEnumerable<int> idx, Func<PhraseOutcome, bool> predicate)
    {
        int hits = 0, count = 0;
        foreach (var i in idx)
        {
            hits += predicate(outcomes[i]) ? 1 : 0;
            count++;
        }

        return count == 0 ? double.NaN : (double)hits / count;
    }

    private static int? FlippedIndex(IReadOnlyList<SimulatedConfiguration> configurations)
    {
        var flipped = configurations[0] with { UsesContext = !configurations[0].UsesContext };
        for (var i = 1; i < configurations.Count; i++)
        {
            if (configurations[i] == flipped)
            {
                return i;
            }
        }

        return null;
    }
}
