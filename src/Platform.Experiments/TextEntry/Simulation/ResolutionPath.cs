namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>Which interaction finally produced the phrase.</summary>
public enum ResolutionPath
{
    Initials,
    Keywords,
    FillMask,
    Spelled,
}
