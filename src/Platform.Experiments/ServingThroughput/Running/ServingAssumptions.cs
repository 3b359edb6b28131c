using Platform.Experiments.Contract.Evidence;
using Platform.Experiments.ServingThroughput.Simulation;

namespace Platform.Experiments.ServingThroughput.Running;

/// <summary>
/// The simulator's constants that the run neither measures nor takes from the paper, declared with a plausible range
/// and why (the interference curves stand in for the paper's Table 3, whose numbers are not public; the efficiencies
/// and overheads for its kernel profiles). The range always contains the run's own value, so a run that sets a knob
/// outside the usual range is judged over a range that includes it. <see cref="At"/> turns a design point back into
/// the simulator's inputs.
/// </summary>
internal static class ServingAssumptions
{
    public const string GemmCurveExponent = "GemmCurveExponent";
    public const string GemvSaturation = "GemvSaturation";
    public const string GemvCurveExponent = "GemvCurveExponent";
    public const string NetSaturation = "NetSaturation";
    public const string NetCurveExponent = "NetCurveExponent";
    public const string OtherSaturation = "OtherSaturation";
    public const string GemmEfficiencyMax = "GemmEfficiencyMax";
    public const string GemmHalfTokens = "GemmHalfTokens";
    public const string HbmEfficiency = "HbmEfficiency";
    public const string NetEfficiency = "NetEfficiency";
    public const string LaunchOverheadUs = "LaunchOverheadUs";
    public const string CollectiveStepUs = "CollectiveStepUs";
    public const string OtherTrafficFactor = "OtherTrafficFactor";
    public const string HostOverheadFraction = "HostOverheadFraction";

    private const string Table3 = "NanoFlow profiles these R->P curves on A100 (its Table 3) but does not publish the numbers.";

    public static IReadOnlyList<Assumption> Declare(ServingThroughputParameters p)
    {
        var assumptions = new List<Assumption>
        {
            Around(GemmCurveExponent, p.GemmCurveExponent, 0.8, 1.0, "",
                $"P_GEMM(r) = r^e: a compute-bound GEMM on a share r of the SMs does about r of its work (e = 1); fewer SMs contend less for L2 and HBM, so slightly better (e < 1). {Table3}"),
            Around(GemvSaturation, p.GemvSaturation, 0.3, 0.7, "SM share",
                $"Share of the A100's 108 SMs at which decode attention streams at full HBM speed. NanoFlow runs it at R ~ 0.4 reaching ~80% of solo speed (its §4.1 pipeline); memory-bound kernels typically saturate HBM with 30-70% of the SMs. {Table3}"),
            Around(GemvCurveExponent, p.GemvCurveExponent, 0.6, 1.0, "",
                $"Shape of P_GEMV below saturation, from concave (0.6) to linear (1.0); 0.8 gives P(0.4) ~ 0.84, near the paper's ~80% at R ~ 0.4. {Table3}"),
            Around(NetSaturation, p.NetSaturation, 0.07, 0.30, "SM share",
                $"The authors' pipeline (efeslab/Nanoflow pipeline.cu) launches collectives on 8-32 of the A100's 108 SMs (7-30%), so NVLink saturates somewhere in that range. {Table3}"),
            Around(NetCurveExponent, p.NetCurveExponent, 0.5, 1.0, "",
                $"Shape of P_NET below saturation, from concave (0.5) to linear (1.0). {Table3}"),
            Around(OtherSaturation, p.OtherSaturation, 0.15, 0.6, "SM share",
                "Share of the SMs at which RMSNorm, RoPE and residual kernels stream at full HBM speed; small memory-bound kernels saturate HBM with 15-60% of the SMs."),
            Around(GemmEfficiencyMax, p.GemmEfficiencyMax, 0.7, 0.95, "of effective peak",
                "Best efficiency of the model's sharded GEMM shapes (N = 1,280-7,168 per GPU at TP 8) relative to the measured-GEMM peak the optimum uses: large CUTLASS GEMMs reach 85-95% of it, thin or wave-quantised ones on 108 SMs 70-80%."),
            Around(GemmHalfTokens, p.GemmHalfTokens, 32, 128, "tokens",
                "Rows at which a GEMM reaches half its best efficiency: A100 tensor-core tiles are 64-256 rows tall, so a GEMM needs some 32-128 tokens to fill half a wave."),
            Around(HbmEfficiency, p.HbmEfficiency, 0.75, 0.92, "of peak HBM",
                "Achievable share of the A100-80G's 2.039 TB/s: stream copies reach ~90%, paged decode-attention kernels (vLLM, FlashInfer) 75-85%."),
            Around(NetEfficiency, p.NetEfficiency, 0.6, 0.85, "of link bandwidth",
                "NCCL all-reduce bus bandwidth over NVLink on 8x A100 reaches ~230 of 300 GB/s for large messages (nccl-tests); the few-MB messages of one nano-batch get less."),
            Around(LaunchOverheadUs, p.LaunchOverheadUs, 2, 8, "µs",
                "Per-kernel launch and tail cost on an A100: ~2 µs inside a CUDA graph, 5-8 µs launched one by one."),
            Around(CollectiveStepUs, p.CollectiveStepUs, 1, 6, "µs",
                "Latency of one ring step over NVLink (NCCL's LL/LL128 protocols): 1-6 µs."),
            Around(OtherTrafficFactor, p.OtherTrafficFactor, 4, 12, "hidden vectors/token/layer",
                "Reads and writes of two RMSNorms, RoPE and two residual adds per token and layer: about 4 hidden vectors when fused, 12 when each is its own kernel."),
        };
        if (!p.AsyncScheduling)
        {
            assumptions.Add(Around(HostOverheadFraction, p.HostOverheadFraction, 0.05, 0.3, "of iteration",
                "Host batch formation not overlapped with the GPU: the NanoFlow README puts it at more than 10% of an iteration; 5-30%."));
        }

        return assumptions;
    }

    /// <summary>The simulator's inputs at one design point (every other setting kept from the run).</summary>
    public static (SimulationCalibration Calibration, InterferenceCurves Curves) At(AssumptionPoint point, SimulationCalibration calibration, InterferenceCurves curves)
    {
        var values = point.Values;
        double Value(string name, double fallback) => values.TryGetValue(name, out var value) ? value : fallback;
        return (
            calibration with
            {
                GemmEfficiencyMax = Value(GemmEfficiencyMax, calibration.GemmEfficiencyMax),
                GemmHalfTokens = Value(GemmHalfTokens, calibration.GemmHalfTokens),
                HbmEfficiency = Value(HbmEfficiency, calibration.HbmEfficiency),
                NetEfficiency = Value(NetEfficiency, calibration.NetEfficiency),
                LaunchUs = Value(LaunchOverheadUs, calibration.LaunchUs),
                CollectiveStepUs = Value(CollectiveStepUs, calibration.CollectiveStepUs),
                OtherTrafficFactor = Value(OtherTrafficFactor, calibration.OtherTrafficFactor),
                HostOverheadFraction = Value(HostOverheadFraction, calibration.HostOverheadFraction),
            },
            curves with
            {
                GemmExponent = Value(GemmCurveExponent, curves.GemmExponent),
                GemvSaturation = Value(GemvSaturation, curves.GemvSaturation),
                GemvExponent = Value(GemvCurveExponent, curves.GemvExponent),
                NetSaturation = Value(NetSaturation, curves.NetSaturation),
                NetExponent = Value(NetCurveExponent, curves.NetExponent),
                OtherSaturation = Value(OtherSaturation, curves.OtherSaturation),
            });
    }

    private static Assumption Around(string name, double value, double low, double high, string unit, string why) =>
        Assumption.Declare(name, value, Math.Min(low, value), Math.Max(high, value), unit, why);
}
