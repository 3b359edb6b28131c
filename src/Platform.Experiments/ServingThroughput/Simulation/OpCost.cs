namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>An operation's solo duration and the fractions of peak compute, HBM and link bandwidth it uses meanwhile.</summary>
public readonly record struct OpCost(double SoloUs, double Compute, double Memory, double Network);
