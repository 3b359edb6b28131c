namespace Platform.Experiments.Contract.Evidence;

/// <summary>A constant chosen so that one figure matches the paper (e.g. ComputeEfficiency = 0.82 to match 1,857 tok/s/GPU).</summary>
public sealed record Calibration(string Constant, double Value, string FittedTo);
