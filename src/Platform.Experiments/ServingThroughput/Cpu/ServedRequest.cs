namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>A request being served: its prompt, how much of it is prefilled, what it has generated, and its KV cache.</summary>
public sealed class ServedRequest(int id, int[] prompt, int outputLength)
{
    public int Id { get; } = id;

    public int[] Prompt { get; } = prompt;

    public int OutputLength { get; } = outputLength;

    public int Prefilled { get; set; }

    public List<int> Generated { get; } = [];

    public KvCache? Cache { get; set; }

    public bool PrefillDone => Prefilled == Prompt.Length;

    public bool Finished => Generated.Count >= OutputLength;

    /// <summary>Requests with prompts drawn from <paramref name="seed"/>, so every schedule serves the same work.</summary>
    public static List<ServedRequest> Create(int count, int promptLength, int outputLength, int vocab, long seed)
    {
        var random = new Random(unchecked((int)seed));
        return [.. Enumerable.Range(0, count).Select(id =>
            new ServedRequest(id, [.. Enumerable.Range(0, promptLength).Select(_ => random.Next(vocab))], outputLength))];
    }
}
