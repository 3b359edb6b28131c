namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// Reads an uploaded corpus in either common format: plain text, one turn a line, a blank line between dialogues; or
/// DailyDialog's, a dialogue a line with turns ended by <c>__eou__</c> (<see cref="DailyDialogParser"/>). Every problem
/// is reported with its line number, so a malformed upload is rejected with a message instead of failing the run.
/// </summary>
public static class CorpusParser
{
    public const int MinDialogues = 10;
    public const int MaxTurnLength = 400;
    private const int MaxErrors = 5;

    public static (IReadOnlyList<Dialogue> Dialogues, IReadOnlyList<string> Errors) Parse(string text)
    {
        var (dialogues, errors) = text.Contains(DailyDialogParser.EndOfUtterance, StringComparison.Ordinal)
            ? DailyDialogParser.Parse(text)
            : ParseTurnLines(text);
        if (errors.Count == 0 && dialogues.Count < MinDialogues)
        {
            errors = [$"The corpus needs at least {MinDialogues} dialogues so every split has some; found {dialogues.Count}."];
        }

        return (dialogues, errors.Take(MaxErrors).ToList());
    }

    private static (IReadOnlyList<Dialogue> Dialogues, IReadOnlyList<string> Errors) ParseTurnLines(string text)
    {
        var dialogues = new List<Dialogue>();
        var errors = new List<string>();
        var turns = new List<string>();
        var firstLine = 0;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i].Trim() : "";
            if (line.Length == 0)
            {
                Close(turns, firstLine, dialogues, errors);
                continue;
            }

            if (turns.Count == 0)
            {
                firstLine = i + 1;
            }

            if (Problem(line) is { } problem)
            {
                errors.Add($"Line {i + 1}: {problem}");
            }

            turns.Add(line);
        }

        return (dialogues, errors);
    }

    internal static string? Problem(string line)
    {
        if (line.Any(c => char.IsControl(c) && c != '\t'))
        {
            return "contains a control character; upload plain text.";
        }

        if (line.Length > MaxTurnLength)
        {
            return $"a turn is at most {MaxTurnLength} characters (this one has {line.Length}).";
        }

        return line.Any(char.IsLetterOrDigit) ? null : "a turn needs at least one word.";
    }

    private static void Close(List<string> turns, int firstLine, List<Dialogue> dialogues, List<string> errors)
    {
        if (turns.Count == 1)
        {
            errors.Add($"Line {firstLine}: a dialogue needs at least two turns (a blank line separates dialogues).");
        }
        else if (turns.Count > 1)
        {
            dialogues.Add(new Dialogue([.. turns]));
        }

        turns.Clear();
    }
}
