using Platform.Experiments.EdgeOffload.Data;

namespace Platform.Experiments.EdgeOffload.Detection;

/// <summary>A detector's output: a box with its confidence.</summary>
public readonly record struct ScoredBox(Box Box, double Score);
