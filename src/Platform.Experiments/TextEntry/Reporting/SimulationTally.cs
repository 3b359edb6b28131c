using Platform.Experiments.TextEntry.Simulation;

namespace Platform.Experiments.TextEntry.Reporting;

/// <summary>
/// The phrases simulated so far, with running sums so each new phrase yields its running metrics in constant time.
/// Configuration 0 is the configured user; the rest are the ablations.
/// </summary>
public sealed class SimulationTally(IReadOnlyList<SimulatedConfiguration> configurations)
{
    private readonly List<PhraseResults> _results = [];
    private readonly double[] _costs = new double[configurations.Count];
    private readonly Dictionary<ResolutionPath, int> _paths = Enum.GetValues<ResolutionPath>().ToDictionary(p => p, _ => 0);
    private double _characters;
    private double _keyboardCost;
    private int _top1;
    private int _topN;

    public IReadOnlyList<SimulatedConfiguration> Configurations => configurations;

    public IReadOnlyList<PhraseResults> Results => _results;

    public int Count => _results.Count;

    public IReadOnlyList<PhraseOutcome> Outcomes(int configuration) => [.. _results.Select(r => r.Abbreviation[configuration])];

    public IReadOnlyList<PhraseOutcome> Keyboard => [.. _results.Select(r => r.Keyboard)];

    public IReadOnlyList<PhraseOutcome> Plain => [.. _results.Select(r => r.Plain)];

    /// <summary>Adds one phrase and returns the running metrics after it.</summary>
    public IReadOnlyList<(string Key, double Value)> Add(PhraseResults results)
    {
        _results.Add(results);
        var main = results.Abbreviation[0];
        _characters += main.Characters;
        _keyboardCost += results.Keyboard.Cost;
        for (var c = 0; c < configurations.Count; c++)
        {
            _costs[c] += results.Abbreviation[c].Cost;
        }

        _paths[main.Path]++;
        _top1 += main.InitialRank == 0 ? 1 : 0;
        _topN += main.InitialRank >= 0 ? 1 : 0;

        var ksr = 1 - _costs[0] / _characters;
        var keyboardKsr = 1 - _keyboardCost / _characters;
        var metrics = new List<(string, double)>
        {
            (TextEntryMetrics.KsrAbbreviation, ksr),
            (TextEntryMetrics.KsrKeyboard, keyboardKsr),
            (TextEntryMetrics.RelativeGain, SavingRate.RelativeGain(ksr, keyboardKsr)),
            (TextEntryMetrics.Top1, (double)_top1 / Count),
            (TextEntryMetrics.TopN, (double)_topN / Count),
            (TextEntryMetrics.PhraseKsrAbbreviation, main.SavingRate),
            (TextEntryMetrics.PhraseKsrKeyboard, results.Keyboard.SavingRate),
        };
        metrics.AddRange(_paths.Select(p => (TextEntryMetrics.Resolved(PathName(p.Key)), (double)p.Value / Count)));
        metrics.AddRange(configurations.Select((c, i) => (TextEntryMetrics.AblationKsr(c.Name), 1 - _costs[i] / _characters)));
        metrics.Add((TextEntryMetrics.AblationKsr("keyboard"), keyboardKsr));
        return metrics.Where(m => double.IsFinite(m.Item2)).ToList();
    }

    public static string PathName(ResolutionPath path) => path switch
    {
        ResolutionPath.Initials => "initials",
        ResolutionPath.Keywords => "keywords",
        ResolutionPath.FillMask => "fill-mask",
        ResolutionPath.Spelled => "spelled",
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };
}
