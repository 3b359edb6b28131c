using TorchSharp;
using Platform.Experiments.TextEntry.Model;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.TextEntry.Neural;

/// <summary>
/// Word embeddings, one GRU layer and a projection to next-word logits. The same weights train on whole token
/// sequences and, one step at a time, score the hypotheses of a beam search from their kept hidden states.
/// </summary>
public sealed class GruNetwork : nn.Module<Tensor, Tensor?, (Tensor Logits, Tensor Hidden)>
{
    private readonly Embedding _embedding;
    private readonly GRU _gru;
    private readonly Linear _output;

    public GruNetwork(GruShape shape) : base(nameof(GruNetwork))
    {
        Shape = shape;
        _embedding = nn.Embedding(shape.Vocabulary, shape.EmbeddingSize);
        _gru = nn.GRU(shape.EmbeddingSize, shape.HiddenSize, numLayers: 1, batchFirst: true);
        _output = nn.Linear(shape.HiddenSize, shape.Vocabulary);
        RegisterComponents();
    }

    public GruShape Shape { get; }

    /// <summary>Logits [batch, time, vocabulary] and the last hidden state [1, batch, hidden] after <paramref name="tokens"/> [batch, time].</summary>
    public override (Tensor Logits, Tensor Hidden) forward(Tensor tokens, Tensor? hidden)
    {
        var (states, last) = _gru.forward(_embedding.forward(tokens), hidden);

        // <s> only ever follows </s>, where it is given, so it gets no probability mass.
        using var start = tensor(new long[] { Vocabulary.StartOfSentence });
        return (_output.forward(states).index_fill(-1, start, float.NegativeInfinity), last);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _embedding.Dispose();
            _gru.Dispose();
            _output.Dispose();
        }

        base.Dispose(disposing);
    }
}
