using Platform.Experiments.RealData;
using Platform.Experiments.TextEntry.Text;

namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// Real English sentences from npm nlp-corpus@4.4.0 (film reviews, Friends transcripts, SMS, speeches, fiction;
/// shuffled by the package, so no sentence has its conversation). Each sentence becomes a one-turn dialogue: the
/// models train on real text, and the test phrases have no context, which the claims say (see Reporting/Claims).
/// Sentences of more than <see cref="MaxWords"/> words are left out: SpeakFaster's phrases are conversational turns
/// (Turk Dialogues' are about a dozen words), and a 40-word film review is not what a gaze typist composes.
/// </summary>
public static class RealSentenceCorpus
{
    public const int MinWords = 2;
    public const int MaxWords = 15;

    public static string Source(int sentences) =>
        $"real sentences: npm nlp-corpus@4.4.0 (MIT), the first {sentences} of {MinWords}-{MaxWords} words, one turn each (no dialogue context), split by sentence";

    /// <summary>The first <paramref name="count"/> usable sentences, in the package's order, each a one-turn dialogue.</summary>
    public static IReadOnlyList<Dialogue> Load(RealDataFiles files, int count)
    {
        var dialogues = new List<Dialogue>(count);
        for (var f = 0; f < RealDataFiles.SentenceFiles && dialogues.Count < count; f++)
        {
            var path = files.Sentences(f);
            foreach (var sentence in SentencesJson.Parse(BoundedFile.Read(path, SentencesJson.MaxFileBytes), path))
            {
                if (dialogues.Count < count && Usable(sentence))
                {
                    dialogues.Add(new Dialogue([sentence.Trim()]));
                }
            }
        }
        return dialogues;
    }

    public static bool Usable(string sentence)
    {
        if (sentence.Length > CorpusParser.MaxTurnLength || CorpusParser.Problem(sentence.Trim()) is not null)
        {
            return false;
        }

        var words = PhraseText.Tokenize(sentence).Count(t => !PhraseText.IsPunctuation(t));
        return words is >= MinWords and <= MaxWords;
    }
}
