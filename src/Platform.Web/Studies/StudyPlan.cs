using Platform.Core.Datasets;
using Platform.Web.Studies.Sweeps;

namespace Platform.Web.Studies;

/// <summary>
/// A study ready to store: each point with its bound parameters (JSON) and the datasets it reads, and the seed of each
/// replicate.
/// </summary>
public sealed record StudyPlan(
    IReadOnlyList<SweepPoint> Points, IReadOnlyList<string> PointParameters, IReadOnlyList<IReadOnlyList<RunDatasetUse>> PointDatasets,
    IReadOnlyList<long> Seeds)
{
    public int RunCount => Points.Count * Seeds.Count;
}
