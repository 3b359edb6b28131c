namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>One simulated abbreviation user: a strategy, with or without the conversation as context.</summary>
public sealed record SimulatedConfiguration(AbbreviationStrategy Strategy, bool UsesContext)
{
    public string Name => StrategyName(Strategy) + (UsesContext ? "" : "-no-context");

    public static string StrategyName(AbbreviationStrategy strategy) => strategy switch
    {
        AbbreviationStrategy.InitialsOnly => "initials-only",
        AbbreviationStrategy.Keywords => "keywords",
        AbbreviationStrategy.KeywordsFillMask => "keywords-fill-mask",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    /// <summary>The configured user first, then the ablations: every strategy as configured, and the configured one flipped in context.</summary>
    public static IReadOnlyList<SimulatedConfiguration> For(AbbreviationStrategy strategy, bool usesContext, bool ablations)
    {
        var main = new SimulatedConfiguration(strategy, usesContext);
        if (!ablations)
        {
            return [main];
        }

        var all = new List<SimulatedConfiguration> { main };
        all.AddRange(Enum.GetValues<AbbreviationStrategy>().Select(s => new SimulatedConfiguration(s, usesContext)).Where(c => c != main));
        all.Add(main with { UsesContext = !usesContext });
        return all;
    }
}
