using System.Text;
using Platform.Experiments.Contract;

namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// A dialogue corpus stored as a dataset: UTF-8 text in either format <see cref="CorpusParser"/> reads. The size is
/// checked against <see cref="MaxBytes"/> before a byte is read, so the text held is never more than that.
/// </summary>
public static class CorpusDataset
{
    public const string Format = "dialogue-text";

    /// <summary>4 MiB: about 40,000 turns, well past what one CPU run trains on.</summary>
    public const long MaxBytes = 4L << 20;

    /// <returns>The parsed dialogues, or the problems (with line numbers) that make the file unusable.</returns>
    public static async Task<(IReadOnlyList<Dialogue> Dialogues, IReadOnlyList<string> Errors)> ReadAsync(
        DatasetContent content, CancellationToken cancellationToken)
    {
        if (content.Length > MaxBytes)
        {
            return ([], [$"The corpus is {content.Length:N0} bytes; at most {MaxBytes:N0} are read."]);
        }

        var bytes = new byte[content.Length];
        await content.Stream.ReadExactlyAsync(bytes, cancellationToken);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return ([], [$"The corpus is not UTF-8 text (invalid bytes at offset {e.Index})."]);
        }

        return CorpusParser.Parse(text.TrimStart('\uFEFF'));
    }
}
