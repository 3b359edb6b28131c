namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// Normalised performance P of an operation given a share r of the GPU's SMs (the paper's Table 3 method). The paper's
/// numeric table is not public; the defaults are parametric curves of our own, assumptions whose plausible ranges the
/// claims are judged over: P_GEMM = r^0.9, P_GEMV = min(1, r/0.5)^0.8, P_NET = min(1, r/0.15)^0.7, P_other = min(1, r/0.3).
/// </summary>
public sealed record InterferenceCurves(
    double GemmExponent = 0.9,
    double GemvSaturation = 0.5,
    double GemvExponent = 0.8,
    double NetSaturation = 0.15,
    double NetExponent = 0.7,
    double OtherSaturation = 0.3)
{
    public double Performance(OpClass opClass, double share)
    {
        var r = Math.Clamp(share, 0, 1);
        return opClass switch
        {
            OpClass.Gemm or OpClass.PrefillAttention => Math.Pow(r, GemmExponent),
            OpClass.DecodeAttention => Math.Pow(Math.Min(1, r / GemvSaturation), GemvExponent),
            OpClass.Network => Math.Pow(Math.Min(1, r / NetSaturation), NetExponent),
            _ => Math.Min(1, r / OtherSaturation),
        };
    }
}
