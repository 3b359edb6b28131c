namespace Platform.Experiments.CommOverlap;

/// <summary>
/// The tensor-parallel GEMMs whose output is all-reduced: attention output projection and MLP down projection
/// (forward), MLP up projection and QKV projection input gradients (backward).
/// </summary>
public enum Sublayer
{
    Op,
    Fc2,
    Fc1,
    Ip,
}
