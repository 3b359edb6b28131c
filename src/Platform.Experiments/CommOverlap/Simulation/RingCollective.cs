namespace Platform.Experiments.CommOverlap.Simulation;

/// <summary>Ring reduce-scatter and all-gather on N devices: steps, bytes and the staggered chunk order.</summary>
public static class RingCollective
{
    public static int ReduceScatterSteps(int devices) => devices - 1;

    public static int AllGatherSteps(int devices) => devices - 1;

    /// <summary>Bytes one device sends (and receives) in a reduce-scatter of <paramref name="messageBytes"/>: (N−1)·S/N.</summary>
    public static double ReduceScatterBytesPerDevice(double messageBytes, int devices) => (devices - 1) * messageBytes / devices;

    public static double AllGatherBytesPerDevice(double messageBytes, int devices) => (devices - 1) * messageBytes / devices;

    /// <summary>
    /// The chunk device <paramref name="device"/> sends at 1-based <paramref name="step"/>: (d − j) mod N. At step j it
    /// also receives the partial of chunk (d − j − 1) mod N, which it sends on at step j + 1.
    /// </summary>
    public static int ChunkSentAt(int device, int step, int devices) => Mod(device - step, devices);

    /// <summary>
    /// The order device <paramref name="device"/> must produce its GEMM output chunks in so each is ready when its
    /// step comes: (d − 1), (d − 2), …, d. The last one is the chunk the device ends up owning, fully reduced.
    /// </summary>
    public static int[] ProductionOrder(int device, int devices) =>
        [.. Enumerable.Range(1, devices).Select(step => Mod(device - step, devices))];

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
