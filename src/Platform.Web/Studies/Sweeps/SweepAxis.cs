namespace Platform.Web.Studies.Sweeps;

/// <summary>
/// One swept field. A grid axis's values combine with every other axis; a sampled axis's values are zipped with the
/// other sampled axes (value i of each belongs to sample i).
/// </summary>
public sealed record SweepAxis(string Field, IReadOnlyList<SweepValue> Values, bool Sampled);
