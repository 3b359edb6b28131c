using Platform.Experiments.FederatedPrompt.Data;

namespace Platform.Experiments.FederatedPrompt.Federation;

/// <summary>The clients of each round, drawn from the seed alone so every method trains on the same clients.</summary>
public static class ClientSampler
{
    public static int[] Sample(long seed, int round, int clients, int perRound)
    {
        var order = Enumerable.Range(0, clients).ToArray();
        new SeededRandom(seed, 4, round).Shuffle(order);
        return [.. order.Take(perRound).Order()];
    }
}
