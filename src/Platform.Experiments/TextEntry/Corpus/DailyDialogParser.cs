namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// DailyDialog's format: a dialogue a line, each turn ended by <c>__eou__</c> ("end of utterance"), tokens spaced
/// ("Say , Jim , how about ...": the tokenizer reads them the same). The checks are the turn-a-line format's.
/// </summary>
public static class DailyDialogParser
{
    public const string EndOfUtterance = "__eou__";

    public static (IReadOnlyList<Dialogue> Dialogues, IReadOnlyList<string> Errors) Parse(string text)
    {
        var dialogues = new List<Dialogue>();
        var errors = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var turns = lines[i].Split(EndOfUtterance, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var turn in turns)
            {
                if (CorpusParser.Problem(turn) is { } problem)
                {
                    errors.Add($"Line {i + 1}: {problem}");
                }
            }

            if (turns.Length < 2)
            {
                errors.Add($"Line {i + 1}: a dialogue needs at least two turns, each ended by {EndOfUtterance}.");
            }
            else
            {
                dialogues.Add(new Dialogue(turns));
            }
        }

        return (dialogues, errors);
    }
}
