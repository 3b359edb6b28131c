using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Methods;

namespace Platform.Experiments.FederatedPrompt.Running;

/// <summary>The fine-tuning task of a run: every client's local data under the label partition, and the test set.</summary>
internal sealed class FederationData : IDisposable
{
    private FederationData(IReadOnlyList<ClientData> clients, IReadOnlyList<ImageSet> tests)
    {
        Clients = clients;
        Tests = tests;
    }

    public IReadOnlyList<ClientData> Clients { get; }

    /// <summary>The test set every round is evaluated on.</summary>
    public ImageSet Test => Tests[0];

    /// <summary>
    /// <see cref="Test"/> and further test sets, each drawn with its own seed, that the final models are evaluated on:
    /// the cheap part of the run re-drawn, which gives the accuracy claims a seed spread.
    /// </summary>
    public IReadOnlyList<ImageSet> Tests { get; }

    public static FederationData Generate(FederatedPromptParameters p, long seed, int samplesPerClient, int testSets = 1)
    {
        var shares = LabelPartition.Draw(p.Partition, p.Clients, GlyphTask.Classes, p.DirichletAlpha, seed);
        return p.Data == FederatedPromptData.MnistToDigits
            ? Real(p, seed, samplesPerClient, testSets, shares)
            : Synthetic(p, seed, samplesPerClient, testSets, shares);
    }

    private static FederationData Synthetic(FederatedPromptParameters p, long seed, int samplesPerClient, int testSets, double[][] shares)
    {
        var factory = new GlyphDataFactory(seed, p.ShiftSeverity);
        var clients = Enumerable.Range(0, p.Clients).Select(k => Client(k, factory.TargetClient(k, samplesPerClient, shares[k]))).ToArray();
        return new FederationData(clients, [.. Enumerable.Range(0, testSets).Select(set => factory.TargetTest(p.TestImages, set))]);
    }

    /// <summary>Clients are drawn in order: they share the pool of real images (see <see cref="RealDigitsTask.Client"/>).</summary>
    private static FederationData Real(FederatedPromptParameters p, long seed, int samplesPerClient, int testSets, double[][] shares)
    {
        var task = RealDigitsTask.Load(seed, p.TestImages);
        var clients = new ClientData[p.Clients];
        for (var k = 0; k < p.Clients; k++)
        {
            clients[k] = Client(k, task.Client(k, samplesPerClient, shares[k]));
        }
        return new FederationData(clients, [.. Enumerable.Range(0, testSets).Select(task.Test)]);
    }

    private static ClientData Client(int k, ImageSet data) => new(k, data, data.ClassShares(GlyphTask.Classes));

    public void Dispose()
    {
        foreach (var client in Clients)
        {
            client.Data.Dispose();
        }
        foreach (var test in Tests)
        {
            test.Dispose();
        }
    }
}
