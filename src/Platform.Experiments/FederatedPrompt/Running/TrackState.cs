using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Methods;
using Platform.Experiments.FederatedPrompt.Model;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>
/// One method track in a round checkpoint: what it has accumulated (time, rounds, accuracies, latest evaluation,
/// last phase times), its link and FLOP counts, the evolving parts of its global model and its carried state.
/// </summary>
internal static class TrackState
{
    public static void Write(BinaryWriter writer, MethodTrack track)
    {
        var method = track.Method;
        writer.Write(track.Name);
        writer.Write(track.Seconds);
        writer.Write(track.Rounds);
        WriteDoubles(writer, track.Accuracies);
        var latest = track.Latest ?? throw new InvalidOperationException($"{track.Name} has no evaluation to save.");
        writer.Write(latest.Accuracy);
        writer.Write(latest.Loss);
        WriteDoubles(writer, latest.ClassAccuracy);

        var phases = track.LastReport?.PhaseSeconds ?? new Dictionary<string, double>();
        writer.Write(phases.Count);
        foreach (var (phase, seconds) in phases)
        {
            writer.Write(phase);
            writer.Write(seconds);
        }

        WriteLongs(writer, method.Link.Counters.Bytes);
        WriteLongs(writer, method.Link.Counters.Messages);
        var flops = method.Compute.Entries.ToList();
        writer.Write(flops.Count);
        foreach (var (party, module, value) in flops)
        {
            writer.Write((int)party);
            writer.Write((int)module);
            writer.Write(value);
        }

        ModelState.Write(writer, method.Global, method.Evolving);
        method.WriteCarriedState(writer);
    }

    /// <summary>Loads the saved state into a track freshly built from the pre-trained weights.</summary>
    public static void Read(BinaryReader reader, MethodTrack track)
    {
        var method = track.Method;
        var name = reader.ReadString();
        if (name != track.Name)
        {
            throw new FormatException($"It holds method '{name}' where '{track.Name}' was expected.");
        }

        track.Seconds = reader.ReadDouble();
        track.Rounds = reader.ReadInt32();
        track.Accuracies.AddRange(ReadDoubles(reader));
        track.Latest = new Evaluation(reader.ReadDouble(), reader.ReadDouble(), ReadDoubles(reader));

        var phases = new Dictionary<string, double>();
        for (var count = reader.ReadInt32(); phases.Count < count;)
        {
            phases[reader.ReadString()] = reader.ReadDouble();
        }
        track.LastReport = new RoundReport(double.NaN, null, null, null, phases);

        method.Link.Restore(new LinkCounters(ReadLongs(reader, LinkCounters.Slots), ReadLongs(reader, LinkCounters.Slots)));
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            method.Compute.Add((Party)reader.ReadInt32(), (ModelPart)reader.ReadInt32(), reader.ReadDouble());
        }

        ModelState.Read(reader, method.Global, method.Evolving);
        method.ReadCarriedState(reader);

        // The logger reports each round's traffic and FLOPs as the growth since the last round it logged.
        track.LastCounters = method.Link.Counters;
        track.LastClientFlops = method.Compute.Of(Party.Client);
        track.LastServerFlops = method.Compute.Of(Party.Server);
    }

    private static void WriteDoubles(BinaryWriter writer, IReadOnlyCollection<double> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static double[] ReadDoubles(BinaryReader reader)
    {
        var values = new double[CheckedCount(reader.ReadInt32(), reader, sizeof(double))];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadDouble();
        }
        return values;
    }

    private static void WriteLongs(BinaryWriter writer, long[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static long[] ReadLongs(BinaryReader reader, int expected)
    {
        var count = reader.ReadInt32();
        if (count != expected)
        {
            throw new FormatException($"It has {count} link counters where {expected} were expected.");
        }
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadInt64();
        }
        return values;
    }

    /// <summary>Rejects a count that a corrupt file could make huge before anything is allocated for it.</summary>
    private static int CheckedCount(int count, BinaryReader reader, int elementSize) =>
        count >= 0 && (long)count * elementSize <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new FormatException($"A count of {count} does not fit in what is left of the checkpoint.");
}
