using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// A perfect, deterministic user of abbreviation expansion (the paper's offline simulation). It types the initials
/// and selects the phrase once it is shown. Otherwise, by strategy, it fixes a shown phrase that is one word off
/// with FillMask (when that is cheaper than spelling the word), or spells the first wrong word of the best phrase as
/// a keyword, letter by letter, re-querying after each letter and completing the word after
/// <see cref="AbbreviationUserSettings.MaxKeywordLetters"/>. When nothing is left to try it spells the phrase.
/// </summary>
public sealed class AbbreviationUser(
    Func<TypedAbbreviation, IReadOnlyList<ExpansionCandidate>> expand,
    FillMask? fillMask,
    AbbreviationUserSettings settings)
{
    public PhraseOutcome Enter(IReadOnlyList<string> target, TypingNoise? noise = null)
    {
        var characters = PhraseText.Render(target).Length;
        var log = new ActionLog(settings.Costs, noise);
        var steps = new List<ExpansionStep>();
        var keywordLetters = new int[target.Count];
        var typed = Typed(target, keywordLetters).Render();
        log.Type(typed);
        var initialRank = -1;
        var triedFillMask = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var shown = expand(TypedAbbreviation.Parse(typed)).Take(settings.CandidatesShown).ToList();
            steps.Add(new ExpansionStep(typed, [.. shown.Select(c => c.Text)]));
            var rank = shown.FindIndex(c => c.Matches(target));
            if (steps.Count == 1)
            {
                initialRank = rank;
            }

            if (rank >= 0)
            {
                log.Add(ActionKind.SelectPhrase);
                var path = keywordLetters.Any(l => l > 0) ? ResolutionPath.Keywords : ResolutionPath.Initials;
                return Outcome(path);
            }

            if (settings.Strategy == AbbreviationStrategy.KeywordsFillMask && TryFillMask(target, keywordLetters, shown, triedFillMask, log, steps))
            {
                return Outcome(ResolutionPath.FillMask);
            }

            if (settings.Strategy == AbbreviationStrategy.InitialsOnly || !TryNextKeyword(target, keywordLetters, shown.FirstOrDefault()))
            {
                break;
            }

            var next = Typed(target, keywordLetters).Render();
            var (inserted, deleted) = TypingEdit.Between(typed, next);
            log.Add(ActionKind.Keystroke, deleted);
            log.Type(inserted);
            typed = next;
        }

        if (!settings.CountAbandonedActions)
        {
            log = new ActionLog(settings.Costs, noise);
        }

        log.Type(PhraseText.Render(target));
        return Outcome(ResolutionPath.Spelled);

        PhraseOutcome Outcome(ResolutionPath path) => new(characters, log.Cost, log.Actions, path, initialRank, steps);
    }

    /// <summary>The abbreviation of <paramref name="target"/> with the given keyword letters spelled out.</summary>
    public static TypedAbbreviation Typed(IReadOnlyList<string> target, IReadOnlyList<int> keywordLetters)
    {
        var segments = new List<AbbreviationSegment>();
        var run = new System.Text.StringBuilder();
        for (var i = 0; i < target.Count; i++)
        {
            if (keywordLetters[i] == 0)
            {
                run.Append(AbbreviationRules.Signature(target[i]));
                continue;
            }

            if (run.Length > 0)
            {
                segments.Add(new AbbreviationSegment(run.ToString(), IsKeyword: false));
                run.Clear();
            }

            segments.Add(new AbbreviationSegment(target[i][..keywordLetters[i]], IsKeyword: true));
        }

        if (run.Length > 0)
        {
            segments.Add(new AbbreviationSegment(run.ToString(), IsKeyword: false));
        }

        return new TypedAbbreviation(segments);
    }

    private bool TryNextKeyword(IReadOnlyList<string> target, int[] keywordLetters, ExpansionCandidate? best)
    {
        // The first word the best phrase gets wrong (or lacks) whose keyword can still grow.
        for (var p = 0; p < target.Count; p++)
        {
            var right = best is not null && p < best.Tokens.Count && best.Tokens[p] == target[p];
            if (right || keywordLetters[p] >= target[p].Length)
            {
                continue;
            }

            // The first letter is already there as the initial, so a new keyword starts at two letters.
            var letters = keywordLetters[p] == 0 ? Math.Min(2, target[p].Length) : keywordLetters[p] + 1;
            keywordLetters[p] = letters > settings.MaxKeywordLetters ? target[p].Length : letters;
            return true;
        }

        return false;
    }

    private bool TryFillMask(
        IReadOnlyList<string> target, int[] keywordLetters, List<ExpansionCandidate> shown, HashSet<string> tried,
        ActionLog log, List<ExpansionStep> steps)
    {
        if (fillMask is null)
        {
            return false;
        }

        foreach (var candidate in shown)
        {
            var wrong = OnlyWrongWord(candidate.Tokens, target);
            if (wrong < 0 || !tried.Add($"{wrong}:{candidate.Text}"))
            {
                continue;
            }

            // A perfect user reaches for FillMask only when it beats typing the rest of the word as a keyword.
            var costs = settings.Costs;
            var fillMaskCost = costs.FillMaskSelectWord + costs.FillMaskPick + costs.Select;
            var spellCost = (target[wrong].Length - Math.Max(1, keywordLetters[wrong])) * costs.Keystroke + costs.Select;
            if (fillMaskCost >= spellCost)
            {
                return false;
            }

            log.Add(ActionKind.FillMaskSelectWord);
            var proposals = fillMask.Propose(candidate.Tokens, wrong, target[wrong][0], settings.FillMaskCandidates);
            steps.Add(new ExpansionStep($"fill-mask word {wrong + 1} of \"{candidate.Text}\"", proposals));
            if (!proposals.Contains(target[wrong], StringComparer.Ordinal))
            {
                return false;
            }

            log.Add(ActionKind.FillMaskPick);
            log.Add(ActionKind.SelectPhrase);
            return true;
        }

        return false;
    }

    /// <summary>The position of the one word in which <paramref name="tokens"/> differ from the target with the same initial, or −1.</summary>
    private static int OnlyWrongWord(IReadOnlyList<string> tokens, IReadOnlyList<string> target)
    {
        if (tokens.Count != target.Count)
        {
            return -1;
        }

        var wrong = -1;
        for (var i = 0; i < target.Count; i++)
        {
            if (tokens[i] == target[i])
            {
                continue;
            }

            if (wrong >= 0 || !char.IsLetter(target[i][0]) || tokens[i][0] != target[i][0])
            {
                return -1;
            }

            wrong = i;
        }

        return wrong;
    }
}
