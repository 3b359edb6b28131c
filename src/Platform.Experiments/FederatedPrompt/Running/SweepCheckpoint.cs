using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// The finished points of a samples-per-client sweep: each is a whole federation, so a retried attempt skips the
/// sizes already done instead of training them again. Checked against the run like a round checkpoint: other
/// parameters or seed fail the run; other pre-trained weights start the sweep over.
/// </summary>
internal static class SweepCheckpoint
{
    public const string Name = "samples-sweep";

    private static readonly JsonSerializerOptions s_json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static byte[] Write(RunFingerprint fingerprint, IReadOnlyList<SweepPoint> points) =>
        JsonSerializer.SerializeToUtf8Bytes(new Saved(fingerprint.Run, fingerprint.Weights, points), s_json);

    /// <returns>The saved points, or null when they were computed from other pre-trained weights.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a sweep checkpoint of this run, or are damaged.</exception>
    public static IReadOnlyList<SweepPoint>? Restore(byte[] state, RunFingerprint fingerprint)
    {
        Saved? saved;
        try
        {
            saved = JsonSerializer.Deserialize<Saved>(state, s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The checkpoint '{Name}' cannot be restored: {e.Message}", e);
        }

        if (saved?.Points is null || saved.Fingerprint != fingerprint.Run)
        {
            throw new InvalidDataException($"The checkpoint '{Name}' cannot be restored: it was saved by a run with other parameters or another seed.");
        }

        return saved.Weights == fingerprint.Weights ? saved.Points : null;
    }

    private sealed record Saved(string Fingerprint, string Weights, IReadOnlyList<SweepPoint> Points);
}
