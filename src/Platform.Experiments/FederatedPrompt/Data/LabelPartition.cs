namespace Platform.Experiments.FederatedPrompt.Data;

/// <summary>Each client's class proportions: uniform (IID) or drawn from Dirichlet(alpha) (label skew).</summary>
public static class LabelPartition
{
    public static double[][] Draw(PartitionKind kind, int clients, int classes, double alpha, long seed)
    {
        var shares = new double[clients][];
        for (var k = 0; k < clients; k++)
        {
            shares[k] = kind == PartitionKind.Iid
                ? Enumerable.Repeat(1.0 / classes, classes).ToArray()
                : Dirichlet(new SeededRandom(seed, 3, k), classes, alpha);
        }
        return shares;
    }

    private static double[] Dirichlet(SeededRandom rng, int classes, double alpha)
    {
        var draws = Enumerable.Range(0, classes).Select(_ => rng.Gamma(alpha)).ToArray();
        var sum = draws.Sum();
        return sum > 0 ? draws.Select(d => d / sum).ToArray() : Enumerable.Repeat(1.0 / classes, classes).ToArray();
    }
}
