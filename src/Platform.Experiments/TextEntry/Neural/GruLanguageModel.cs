using Platform.Experiments.TextEntry.Model;
using static TorchSharp.torch;

namespace Platform.Experiments.TextEntry.Neural;

/// <summary>
/// A <see cref="GruNetwork"/> as a next-word model after a fixed prefix (the previous turns, or nothing). Every
/// history it has scored is kept in a tree with its hidden state, so extending a hypothesis by one word costs one
/// GRU step, and <see cref="Prefetch"/> runs that step for all hypotheses of a beam in one batched forward pass.
/// The cache starts over when it holds more than a memory budget. Calls are serialised, so one instance may be
/// shared between threads.
/// </summary>
public sealed class GruLanguageModel : IBatchedLanguageModel
{
    // Floats the cache may hold (about 32 MB) before it starts over.
    private const int CacheFloats = 8 << 20;

    private readonly GruNetwork _network;
    private readonly int[] _prefix;
    private readonly int _maxNodes;
    private readonly Lock _lock = new();
    private HistoryNode? _root;
    private int _nodes;

    public GruLanguageModel(GruNetwork network, Vocabulary vocabulary, int[] prefix)
    {
        _network = network;
        _prefix = prefix;
        Vocabulary = vocabulary;
        _maxNodes = Math.Max(512, CacheFloats / (network.Shape.Vocabulary + network.Shape.HiddenSize));
    }

    public Vocabulary Vocabulary { get; }

    public void LogProbs(IReadOnlyList<int> history, ReadOnlySpan<int> words, Span<double> logProbs)
    {
        if (history.Count == 0)
        {
            throw new ArgumentException("A history starts with <s>.", nameof(history));
        }

        float[] distribution;
        lock (_lock)
        {
            var root = Ensure([history]);
            distribution = Deepest(root, history).Node.LogProbs!;
        }

        for (var i = 0; i < words.Length; i++)
        {
            logProbs[i] = distribution[words[i]];
        }
    }

    public void Prefetch(IReadOnlyList<IReadOnlyList<int>> histories)
    {
        lock (_lock)
        {
            Ensure(histories);
        }
    }

    /// <summary>Scores every history not cached yet, one batched GRU step per missing depth. Returns the root.</summary>
    private HistoryNode Ensure(IReadOnlyList<IReadOnlyList<int>> histories)
    {
        if (_nodes > _maxNodes)
        {
            _root = null;
            _nodes = 0;
        }

        var root = _root ??= ReadPrefix();
        while (true)
        {
            var requests = new List<(HistoryNode Parent, int Word)>();
            var seen = new HashSet<(HistoryNode, int)>();
            foreach (var history in histories)
            {
                var (node, depth) = Deepest(root, history);
                if (depth < history.Count && seen.Add((node, history[depth])))
                {
                    requests.Add((node, history[depth]));
                }
            }

            if (requests.Count == 0)
            {
                return root;
            }

            Step(requests);
        }
    }

    private static (HistoryNode Node, int Depth) Deepest(HistoryNode root, IReadOnlyList<int> history)
    {
        var node = root;
        var depth = 0;
        while (depth < history.Count && node.Children.TryGetValue(history[depth], out var child))
        {
            node = child;
            depth++;
        }

        return (node, depth);
    }

    private void Step(List<(HistoryNode Parent, int Word)> requests)
    {
        var (batch, size, vocabulary) = (requests.Count, _network.Shape.HiddenSize, _network.Shape.Vocabulary);
        var hidden = new float[batch * size];
        var words = new long[batch];
        for (var b = 0; b < batch; b++)
        {
            requests[b].Parent.Hidden.CopyTo(hidden, b * size);
            words[b] = requests[b].Word;
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (logits, last) = _network.forward(tensor(words, [batch, 1]), tensor(hidden, [1, batch, size]));
        var logProbs = nn.functional.log_softmax(logits.reshape(batch, vocabulary), 1).data<float>().ToArray();
        var states = last.reshape(batch, size).data<float>().ToArray();
        for (var b = 0; b < batch; b++)
        {
            var node = new HistoryNode(states[(b * size)..((b + 1) * size)], logProbs[(b * vocabulary)..((b + 1) * vocabulary)]);
            requests[b].Parent.Children[requests[b].Word] = node;
            _nodes++;
        }
    }

    private HistoryNode ReadPrefix()
    {
        var size = _network.Shape.HiddenSize;
        if (_prefix.Length == 0)
        {
            return new HistoryNode(new float[size], null);
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (_, last) = _network.forward(tensor(_prefix.Select(id => (long)id).ToArray(), [1, _prefix.Length]), null);
        return new HistoryNode(last.reshape(size).data<float>().ToArray(), null);
    }
}
