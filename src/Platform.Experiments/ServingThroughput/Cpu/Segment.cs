namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// One request's tokens in an iteration: a single decode token or a chunk of its prompt, starting at
/// <see cref="Position"/>. <see cref="Samples"/> when its last token produces the request's next token.
/// </summary>
public sealed record Segment(ServedRequest Request, int Position, int[] Tokens, bool Samples)
{
    public bool IsDecode => Request.PrefillDone;

    public int End => Position + Tokens.Length;
}
