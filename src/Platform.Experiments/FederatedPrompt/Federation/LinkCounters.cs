namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>
/// Bytes and messages by direction and kind; an immutable snapshot so a round's traffic is the difference of two.
/// Messages are counted so the bytes can be re-evaluated for another per-message header than the one assumed.
/// </summary>
public sealed record LinkCounters(long[] Bytes, long[] Messages)
{
    /// <summary>One counter per direction and kind.</summary>
    public const int Slots = 6;

    public static LinkCounters Empty => new(new long[Slots], new long[Slots]);

    public long this[LinkDirection direction, PayloadKind kind] => Bytes[Index(direction, kind)];

    public long MessagesOf(LinkDirection direction, PayloadKind kind) => Messages[Index(direction, kind)];

    public long Of(LinkDirection direction) => Enum.GetValues<PayloadKind>().Sum(kind => this[direction, kind]);

    public long Total => Bytes.Sum();

    public long TotalMessages => Messages.Sum();

    public LinkCounters Minus(LinkCounters earlier) => new(Subtract(Bytes, earlier.Bytes), Subtract(Messages, earlier.Messages));

    internal static int Index(LinkDirection direction, PayloadKind kind) => (int)direction * 3 + (int)kind;

    private static long[] Subtract(long[] a, long[] b) => [.. a.Zip(b, (x, y) => x - y)];
}
