using System.Text.Json;

namespace Platform.Web.Studies.Aggregation;

/// <summary>
/// A summary metric over two swept parameters: <see cref="Mean"/>[i][j] is its mean at <see cref="Y"/>[i] and
/// <see cref="X"/>[j] (null where that combination has no succeeded run); <see cref="N"/> counts the runs behind each.
/// </summary>
public sealed record MetricGrid(
    string XParameter, string YParameter, string Metric, IReadOnlyList<JsonElement> X, IReadOnlyList<JsonElement> Y,
    IReadOnlyList<IReadOnlyList<double?>> Mean, IReadOnlyList<IReadOnlyList<int>> N);
