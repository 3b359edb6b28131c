using Platform.Experiments.Contract;
using Platform.Experiments.RealData;
using Platform.Experiments.TextEntry.Corpus;

namespace Platform.Experiments.TextEntry;

public sealed partial class TextEntryParameters : IUsesBuiltInDatasets
{
    /// <summary>The real sentences, unless an uploaded corpus replaces them.</summary>
    public IEnumerable<BuiltInDatasetUse> BuiltInDatasetsUsed()
    {
        if (Corpus == TextEntryCorpus.RealSentences && UploadedCorpus is null)
        {
            yield return new("corpus", "training and typing", RealDatasets.SentencesName);
        }
    }
}
