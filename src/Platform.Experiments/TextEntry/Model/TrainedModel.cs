using System.Diagnostics;
using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Model;

/// <summary>A model trained on the training split, with its vocabulary and how long training took.</summary>
public sealed record TrainedModel(KneserNeyModel Model, double Seconds)
{
    public static TrainedModel Train(IEnumerable<Dialogue> train, int order)
    {
        var stopwatch = Stopwatch.StartNew();
        var sentences = train.SelectMany(d => d.Turns).Select(PhraseText.Tokenize).Where(s => s.Count > 0).ToList();
        var vocabulary = new Vocabulary(sentences.SelectMany(s => s));
        var model = KneserNeyTrainer.Train(vocabulary, sentences, order);
        return new TrainedModel(model, stopwatch.Elapsed.TotalSeconds);
    }
}
