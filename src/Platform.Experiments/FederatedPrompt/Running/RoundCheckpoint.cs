using System.Runtime.InteropServices;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// The state of a federation after a round: enough to continue with the next round as if never interrupted. Client
/// sampling, batches and pruning draws are derived from the seed and the round, so they need no saving.
/// </summary>
internal static class RoundCheckpoint
{
    /// <summary>One name, overwritten every round: only the latest round is ever resumed from.</summary>
    public const string Name = "federation-round";

    private static ReadOnlySpan<byte> Magic => "FPROUND3"u8;

    public static byte[] Write(RunFingerprint fingerprint, int round, IReadOnlyList<MethodTrack> tracks)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(fingerprint.Run);
            writer.Write(fingerprint.Weights);
            writer.Write(round);
            writer.Write(tracks.Count);
            foreach (var track in tracks)
            {
                TrackState.Write(writer, track);
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Loads the saved state into tracks freshly built from the pre-trained weights; returns the round saved, or null
    /// when it was saved over other pre-trained weights: its frozen parts would not match the state, so the run has to
    /// start over.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a round checkpoint of this run, or are damaged.</exception>
    public static int? Restore(byte[] state, RunFingerprint fingerprint, IReadOnlyList<MethodTrack> tracks)
    {
        if (state.Length < Magic.Length || !state.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Invalid("it is not a federated-prompt round checkpoint");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(state, Magic.Length, state.Length - Magic.Length));
            if (reader.ReadString() != fingerprint.Run)
            {
                throw Invalid("it was saved by a run with other parameters or another seed");
            }

            if (reader.ReadString() != fingerprint.Weights)
            {
                return null;
            }

            var round = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (count != tracks.Count)
            {
                throw Invalid($"it holds {count} methods where the run has {tracks.Count}");
            }

            foreach (var track in tracks)
            {
                TrackState.Read(reader, track);
            }
            return reader.BaseStream.Position == reader.BaseStream.Length ? round : throw Invalid("it has bytes after its last method");
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or InvalidOperationException or ExternalException or OverflowException)
        {
            throw new InvalidDataException($"The checkpoint '{Name}' cannot be restored: {e.Message}", e);
        }
    }

    private static InvalidDataException Invalid(string reason) => new($"The checkpoint '{Name}' cannot be restored: {reason}.");
}
