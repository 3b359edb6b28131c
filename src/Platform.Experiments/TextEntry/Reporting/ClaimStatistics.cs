using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// The predicted claims' statistics over any subset of the simulated phrases, so one definition gives the value at
/// each assumption point and, over resampled phrases, the bootstrap interval. <c>withContext</c> and
/// <c>withoutContext</c> are the configured strategy with and without the conversation (both null when the context
/// ablation did not run); one of them is the configured user itself.
/// </summary>
public sealed class ClaimStatistics(
    IReadOnlyList<TestPhrase> phrases,
    IReadOnlyList<PhraseOutcome> configured,
    IReadOnlyList<PhraseOutcome>? withContext,
    IReadOnlyList<PhraseOutcome>? withoutContext,
    IReadOnlyList<PhraseOutcome> keyboard)
{
    /// <summary>The NAACL paper's length limit for its exact-expansion figures, in abbreviation letters.</summary>
    public const int NaaclMaxAbbreviation = 10;

    public int Count => phrases.Count;

    public bool HasContextAblation => withContext is not null && withoutContext is not null;

    /// <summary>KSR of the configured user over the keyboard's, minus one (the paper's "x% more motor actions saved").</summary>
    public double RelativeGain(IReadOnlyList<int> idx) => SavingRate.RelativeGain(SavingRate.Of(configured, idx), SavingRate.Of(keyboard, idx));

    /// <summary>
    /// Top-N exact rate of the initials without context over the rate with it, on the phrases that have a previous
    /// turn: "context more than doubles accuracy" is this share being at most one half. NaN without phrases.
    /// </summary>
    public double ContextAccuracyShare(IReadOnlyList<int> idx)
    {
        if (withContext is null || withoutContext is null)
        {
            return double.NaN;
        }

        var withTurn = idx.Where(i => phrases[i].Context.Count > 0).ToList();
        if (withTurn.Count == 0)
        {
            return double.NaN;
        }

        var with = TextEntryStatistics.TopN(withContext, withTurn);
        // Nothing expanded with context: context doubled nothing, which reads as a share of 1 (no change).
        return with > 0 ? TextEntryStatistics.TopN(withoutContext, withTurn) / with : 1;
    }

    /// <summary>KSR with context minus KSR without, same strategy and phrases.</summary>
    public double ContextKsrGain(IReadOnlyList<int> idx) =>
        withContext is null || withoutContext is null ? double.NaN : SavingRate.Of(withContext, idx) - SavingRate.Of(withoutContext, idx);

    /// <summary>
    /// The NAACL condition for its exact-expansion figures: replies to a dialogue's opening turn (turn 1, one turn of
    /// context) whose abbreviation has at most 10 letters.
    /// </summary>
    public bool IsNaaclReply(int i) => phrases[i].Turn == 1 && phrases[i].Abbreviation.Length <= NaaclMaxAbbreviation;

    /// <summary>Share of the NAACL replies whose initials alone put them among the shown phrases, with context.</summary>
    public double NaaclTopN(IReadOnlyList<int> idx) => TextEntryStatistics.TopN(withContext ?? configured, [.. idx.Where(IsNaaclReply)]);

    /// <summary>
    /// The NAACL "effective KSR on exact expansions": what an exact expansion of a reply saves, which depends on the
    /// phrase alone, KSR = 1 − (keys of the abbreviation + one selection) / characters, pooled per abbreviation-length
    /// bucket, "up to" taken as the best bucket. Over the NAACL replies that the model expanded exactly when
    /// <paramref name="expandedOnly"/>, else over all of them as if each were expanded exactly; without the selection
    /// when <paramref name="countSelection"/> is false (the other reading of the paper's formula).
    /// </summary>
    public (double Ksr, LengthBucket? Bucket) ExactExpansionKsr(IReadOnlyList<int> idx, bool expandedOnly = false, bool countSelection = true)
    {
        // The paper's figure is for its context-aware model, so the user with context is the one asked.
        var expanding = withContext ?? configured;
        var best = (Ksr: double.NaN, Bucket: (LengthBucket?)null);
        foreach (var bucket in LengthBucket.All.Where(b => b.Max <= NaaclMaxAbbreviation))
        {
            double cost = 0, characters = 0;
            foreach (var i in idx)
            {
                var length = phrases[i].Abbreviation.Length;
                if (IsNaaclReply(i) && bucket.Contains(length) && (!expandedOnly || expanding[i].InitialRank >= 0))
                {
                    // The paper counts actions, one each, whatever the run's cost knobs say.
                    cost += length + (countSelection ? 1 : 0);
                    characters += expanding[i].Characters;
                }
            }

            var ksr = characters > 0 ? 1 - (cost / characters) : double.NaN;
            if (double.IsFinite(ksr) && !(ksr <= best.Ksr))
            {
                best = (ksr, bucket);
            }
        }

        return best;
    }

    public static int[] All(int count) => [.. Enumerable.Range(0, count)];
}
