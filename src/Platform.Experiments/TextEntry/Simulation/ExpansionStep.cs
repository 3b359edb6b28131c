namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>One query in a phrase's trace: what was typed then and the phrases shown for it.</summary>
public sealed record ExpansionStep(string Typed, IReadOnlyList<string> Shown);
