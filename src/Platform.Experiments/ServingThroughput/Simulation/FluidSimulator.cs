namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// Event-driven fluid simulation of nano-ops sharing one GPU. Each stream runs its ops in order, an op starts
/// once its stream is free and its dependencies are done, and whenever the running set changes every running op's rate
/// is recomputed: memory and network ops keep the SM share they were launched with, compute ops split the rest, and an
/// op given share r progresses at P_class(r) / solo time. Ops running together share the HBM: when what they draw at
/// those speeds exceeds <c>hbmCapacity</c> (a fraction of peak bandwidth), each gets a max-min fair part of it
/// (<see cref="BandwidthShare"/>) and slows in proportion, so an overlapped GEMM and decode attention cannot both stream
/// at full speed.
/// </summary>
public static class FluidSimulator
{
    // Compute ops never get less than this, so a misconfigured share cannot stall the pipeline forever.
    private const double MinComputeShare = 0.05;
    private const double MaxFixedShare = 1 - MinComputeShare;

    public static SimulationTrace Run(IReadOnlyList<NanoOp> ops, InterferenceCurves curves, double hbmCapacity = double.PositiveInfinity)
    {
        var state = new SimulationState(ops);
        var segments = new List<UtilisationSegment>();
        var now = 0.0;
        while (!state.AllDone)
        {
            state.StartReady(now);
            if (state.Running.Count == 0)
            {
                throw new InvalidOperationException("The pipeline deadlocked: no op can start although some have not run.");
            }

            var rates = Rates(ops, state.Running, curves, hbmCapacity, out var segment);
            var step = double.PositiveInfinity;
            for (var i = 0; i < state.Running.Count; i++)
            {
                step = Math.Min(step, state.Remaining[state.Running[i]] / rates[i]);
            }

            segments.Add(segment with { Start = now, End = now + step });
            now += step;
            state.Advance(rates, step, now);
        }

        return new SimulationTrace(ops, state.StartTimes, state.EndTimes, segments);
    }

    private static double[] Rates(IReadOnlyList<NanoOp> ops, List<int> running, InterferenceCurves curves, double hbmCapacity, out UtilisationSegment segment)
    {
        var fixedShare = 0.0;
        var computeOps = 0;
        foreach (var id in running)
        {
            if (ops[id].Class.UsesComputeShare())
                computeOps++;
            else
                fixedShare += ops[id].Share;
        }

        var fixedScale = fixedShare > MaxFixedShare && computeOps > 0 ? MaxFixedShare / fixedShare : 1.0;
        var computeShare = computeOps == 0 ? 0 : Math.Max(MinComputeShare, 1 - fixedShare * fixedScale) / computeOps;
        var performance = new double[running.Count];
        var hbmDraw = new double[running.Count];
        for (var i = 0; i < running.Count; i++)
        {
            var op = ops[running[i]];
            var share = op.Class.UsesComputeShare() ? computeShare : op.Share * fixedScale;
            performance[i] = curves.Performance(op.Class, share);
            hbmDraw[i] = performance[i] * op.MemoryDemand;
        }

        var granted = BandwidthShare.MaxMinFair(hbmDraw, hbmCapacity);
        var rates = new double[running.Count];
        double compute = 0, memory = 0, network = 0;
        for (var i = 0; i < running.Count; i++)
        {
            var op = ops[running[i]];
            if (hbmDraw[i] > 0)
            {
                performance[i] *= granted[i] / hbmDraw[i];
            }

            rates[i] = performance[i] / op.SoloUs;
            compute += performance[i] * op.ComputeDemand;
            memory += performance[i] * op.MemoryDemand;
            network += performance[i] * op.NetworkDemand;
        }

        segment = new UtilisationSegment(0, 0, compute, memory, network);
        return rates;
    }
}
