namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>How far the simulated user goes before spelling a phrase out; each includes the one before.</summary>
public enum AbbreviationStrategy
{
    /// <summary>Type the initials; select the phrase if it is shown, otherwise spell it.</summary>
    InitialsOnly,

    /// <summary>On a miss, spell the first wrong word as a keyword, letter by letter, re-querying after each.</summary>
    Keywords,

    /// <summary>As <see cref="Keywords"/>, and fix a shown phrase that is one word off with FillMask.</summary>
    KeywordsFillMask,
}
