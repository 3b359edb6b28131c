using Platform.Experiments.FederatedPrompt.Data;
using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;
using static TorchSharp.torch;
using Platform.Experiments.Torch;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>
/// One method's federation: the global (server-side, aggregated) model, the client's working copy, the link every
/// cross-party tensor goes through and the FLOP tally. Subclasses implement one round.
/// </summary>
public abstract class FederatedMethod : IDisposable
{
    protected FederatedMethod(string name, MethodSettings settings, VitConfig config, IReadOnlyDictionary<string, Safetensors.Entry> pretrained)
    {
        Name = name;
        Settings = settings;
        Flops = new FlopModel(config);

        // Same seed for every method: prompts and the new classifier start identical wherever they exist.
        torch.manual_seed(SeededRandom.Derive(settings.Seed, 5));
        Global = new SplitVit(config);
        WeightTransfer.Import(Global, pretrained);
        Global.Tail.ResetClassifier();
        Local = new SplitVit(config);
        Local.Load(Global.Snapshot(ModelPart.All));
        Link = new SimulatedLink(settings.Precision);
    }

    public string Name { get; }

    public SplitVit Global { get; }

    public SimulatedLink Link { get; }

    public ComputeTally Compute { get; } = new();

    /// <summary>
    /// The parts of <see cref="Global"/> that rounds change; the rest stay as built from the pre-trained weights, so a
    /// checkpoint needs only these.
    /// </summary>
    public abstract ModelPart Evolving { get; }

    protected SplitVit Local { get; }

    protected MethodSettings Settings { get; }

    protected FlopModel Flops { get; }

    public abstract RoundReport TrainRound(int round, IReadOnlyList<ClientData> clients, CancellationToken cancellationToken);

    /// <summary>Shuffled mini-batches of <paramref name="indices"/>, the same order for every method.</summary>
    protected IEnumerable<int[]> Batches(IReadOnlyList<int> indices, int round, int client, int epoch)
    {
        var order = indices.ToArray();
        new SeededRandom(Settings.Seed, 6, round, client, epoch).Shuffle(order);
        return order.Chunk(Settings.BatchSize);
    }

    /// <summary>Download the global trainable parts to the client's copy.</summary>
    protected void Download(ModelPart parts)
    {
        var received = Link.SendParameters(Global.ParametersOf(parts).Select(p => (p.Name, (Tensor)p.Parameter)), LinkDirection.Down);
        Local.Load(received);
        Dispose(received);
    }

    protected Dictionary<string, Tensor> Upload(ModelPart parts) =>
        Link.SendParameters(Local.ParametersOf(parts).Select(p => (p.Name, (Tensor)p.Parameter)), LinkDirection.Up);

    /// <summary>FedAvg of the uploads, weighted by each client's sample count, into the global model.</summary>
    protected void Aggregate(List<(IReadOnlyDictionary<string, Tensor> Values, double Weight)> uploads)
    {
        var average = FedAvg.Average(uploads);
        Global.Load(average);
        Dispose(average);
        foreach (var upload in uploads)
        {
            Dispose(upload.Values);
        }
    }

    /// <summary>Local epochs of the whole model on one party (the FedAvg methods), training only <paramref name="parts"/>.</summary>
    protected int TrainWholeModel(int round, ClientData client, ModelPart parts, double learningRate, LossMean loss, CancellationToken cancellationToken)
    {
        Local.train();
        using var optimizer = ClientOptimizer(parts, learningRate);
        var all = Enumerable.Range(0, client.Data.Count).ToArray();
        for (var epoch = 0; epoch < Settings.LocalEpochs; epoch++)
        {
            foreach (var batch in Batches(all, round, client.Id, epoch))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var (images, labels) = client.Data.Batch(batch);
                optimizer.zero_grad();
                var value = nn.functional.cross_entropy(Local.Logits(images), labels);
                value.backward();
                optimizer.step();
                loss.Add(value.item<float>());
            }
        }
        return client.Data.Count * Settings.LocalEpochs;
    }

    protected optim.Optimizer ClientOptimizer(ModelPart parts, double learningRate) =>
        ScalarSafeAdam.Adam(Local.ParametersOf(parts).Select(p => p.Parameter), learningRate);

    public void Dispose()
    {
        DisposeCore();
        Global.Dispose();
        Local.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Writes what a subclass carries from round to round beyond <see cref="Evolving"/> (the client's copy is
    /// downloaded afresh every round and its optimizers live for one client, so they need nothing).
    /// </summary>
    public virtual void WriteCarriedState(BinaryWriter writer)
    {
    }

    /// <summary>Reads what <see cref="WriteCarriedState"/> wrote.</summary>
    public virtual void ReadCarriedState(BinaryReader reader)
    {
    }

    /// <summary>Releases what a subclass holds beyond the two models.</summary>
    protected virtual void DisposeCore()
    {
    }

    private static void Dispose(IEnumerable<KeyValuePair<string, Tensor>> tensors)
    {
        foreach (var (_, tensor) in tensors)
        {
            tensor.Dispose();
        }
    }
}
