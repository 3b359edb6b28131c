using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>Keystroke saving rate over many phrases: 1 − total cost / total characters (longer phrases weigh more).</summary>
public static class SavingRate
{
    public static double Of(IReadOnlyList<PhraseOutcome> outcomes) => Of(outcomes, Enumerable.Range(0, outcomes.Count));

    public static double Of(IReadOnlyList<PhraseOutcome> outcomes, IEnumerable<int> indices)
    {
        double cost = 0, characters = 0;
        foreach (var i in indices)
        {
            cost += outcomes[i].Cost;
            characters += outcomes[i].Characters;
        }

        return characters == 0 ? double.NaN : 1 - cost / characters;
    }

    /// <summary>KSR_a / KSR_b − 1, the paper's "x% more motor actions saved".</summary>
    public static double RelativeGain(double ksr, double baselineKsr) => baselineKsr <= 0 ? double.NaN : ksr / baselineKsr - 1;
}
