namespace Platform.Experiments.ServingThroughput.Reporting;

/// <summary>
/// Acceptance targets for the simulated engines on a 70B model: bands around the paper's figures (the Eq. 5 optimum,
/// the Fig. 9 ablation, the share of the optimum in its offline-throughput results).
/// </summary>
internal static class AcceptanceBands
{
    public const double OptimumTolerance = 0.01;
    public const double SequentialLow = 0.50;
    public const double SequentialHigh = 0.62;
    public const double NanobatchLossLow = 0.05;
    public const double NanobatchLossHigh = 0.15;
    public const double GainLow = 1.10;
    public const double GainHigh = 1.30;
    public const double NanoflowShareLow = 0.60;
    public const double NanoflowShareHigh = 0.75;

    public static bool Within(double value, double low, double high) => value >= low && value <= high;
}
