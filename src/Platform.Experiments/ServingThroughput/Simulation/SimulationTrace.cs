namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>A span of simulated time during which the set of running ops, and so their rates, did not change.</summary>
public readonly record struct UtilisationSegment(double Start, double End, double Compute, double Memory, double Network);

/// <summary>When each op ran (µs) and how busy compute, HBM and the links were over time (fractions of peak).</summary>
public sealed record SimulationTrace(IReadOnlyList<NanoOp> Ops, double[] Start, double[] End, IReadOnlyList<UtilisationSegment> Segments)
{
    public double Makespan => End.Length == 0 ? 0 : End.Max();

    /// <summary>Time-weighted mean utilisation over the whole trace.</summary>
    public (double Compute, double Memory, double Network) Average()
    {
        double compute = 0, memory = 0, network = 0;
        foreach (var s in Segments)
        {
            var length = s.End - s.Start;
            compute += s.Compute * length;
            memory += s.Memory * length;
            network += s.Network * length;
        }

        var total = Math.Max(Makespan, double.Epsilon);
        return (compute / total, memory / total, network / total);
    }
}
