using System.Runtime.CompilerServices;
using Platform.Experiments.Contract;
using Platform.Experiments.TextEntry.Corpus;

namespace Platform.Experiments.TextEntry;

public sealed partial class TextEntryParameters : IValidatesDatasets
{
    /// <summary>The uploaded corpus as measured at submission, so the memory estimate is of this corpus, not a bound.</summary>
    private IReadOnlyList<Dialogue>? _uploadedDialogues;

    /// <summary>An uploaded corpus must parse into enough dialogues; every problem is named with its line.</summary>
    public async IAsyncEnumerable<(string Field, string Message)> ValidateDatasetsAsync(
        IDatasetReader datasets, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (UploadedCorpus is not { } id)
        {
            yield break;
        }

        await using var content = await datasets.OpenAsync(id, cancellationToken);
        if (content is null)
        {
            yield return ("uploadedCorpus", $"There is no dataset with id {id}.");
            yield break;
        }

        var (dialogues, errors) = await CorpusDataset.ReadAsync(content, cancellationToken);
        if (errors.Count > 0)
        {
            yield return ("uploadedCorpus", string.Join(" ", errors));
            yield break;
        }

        _uploadedDialogues = dialogues;
    }
}
