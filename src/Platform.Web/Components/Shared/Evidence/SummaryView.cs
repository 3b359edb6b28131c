using System.Text.Json;
using Platform.Experiments.Contract.Evidence;
using Platform.Workers.Runs;

namespace Platform.Web.Components.Shared.Evidence;

/// <summary>
/// A run's stored summary as the dashboard reads it. Runs stored before claims carried a basis read with the
/// evidence fields empty (no basis, band, range, seeds, assumptions or calibrations), never as an error.
/// </summary>
public sealed class SummaryView
{
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<ClaimView> Claims { get; init; } = [];

    public IReadOnlyList<TableView> Tables { get; init; } = [];

    public IReadOnlyList<Assumption> Assumptions { get; init; } = [];

    public IReadOnlyList<Calibration> Calibrations { get; init; } = [];

    /// <summary>Reads with the options the summary was written with (<see cref="SummaryJson"/>), so the wire words are the enums'.</summary>
    /// <exception cref="JsonException">The summary is not a summary (a value of the wrong type, an unknown basis or verdict).</exception>
    public static SummaryView Read(JsonElement summary) =>
        summary.Deserialize<SummaryView>(SummaryJson.Options) ?? throw new JsonException("The summary is null.");

    /// <summary>The run's summary, or null when it has none yet or it cannot be read (a list shows "—" for it).</summary>
    public static SummaryView? TryRead(JsonElement? summary)
    {
        if (summary is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return Read(element);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
