namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>Bytes by direction and kind; an immutable snapshot so a round's traffic is the difference of two.</summary>
public sealed record LinkCounters(long[] Bytes)
{
    public static LinkCounters Empty => new(new long[6]);

    public long this[LinkDirection direction, PayloadKind kind] => Bytes[Index(direction, kind)];

    public long Of(LinkDirection direction) => Enum.GetValues<PayloadKind>().Sum(kind => this[direction, kind]);

    public long Total => Bytes.Sum();

    public LinkCounters Minus(LinkCounters earlier) => new(Bytes.Zip(earlier.Bytes, (a, b) => a - b).ToArray());

    internal static int Index(LinkDirection direction, PayloadKind kind) => (int)direction * 3 + (int)kind;
}
