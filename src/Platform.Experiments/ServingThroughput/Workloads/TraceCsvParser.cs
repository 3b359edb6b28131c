using System.Globalization;

namespace Platform.Experiments.ServingThroughput.Workloads;

/// <summary>
/// Reads an uploaded request trace: a CSV with the columns <c>ContextTokens</c> and <c>GeneratedTokens</c> (the
/// Splitwise/NanoFlow trace format), in any order among other columns. Errors name the offending line.
/// </summary>
/// <remarks>
/// Lines and cells are read as spans of the upload, never split into strings: checking a 4-million-character trace
/// of a million short lines allocates the same few objects as checking one line.
/// </remarks>
public static class TraceCsvParser
{
    public const string PromptColumn = "ContextTokens";
    public const string OutputColumn = "GeneratedTokens";

    public static bool TryParse(string text, out WorkloadStats? stats, out string? error)
    {
        stats = null;
        int promptIndex = -1, outputIndex = -1, requests = 0, lineNumber = 0;
        double promptSum = 0, outputSum = 0;
        var sawHeader = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                (promptIndex, outputIndex) = (ColumnIndex(line, PromptColumn), ColumnIndex(line, OutputColumn));
                if (promptIndex < 0 || outputIndex < 0)
                {
                    error = $"The trace's header must name the columns {PromptColumn} and {OutputColumn}.";
                    return false;
                }

                continue;
            }

            if (!TryReadLength(Cell(line, promptIndex), out var prompt) || !TryReadLength(Cell(line, outputIndex), out var output))
            {
                error = $"Line {lineNumber} of the trace needs a positive whole {PromptColumn} and {OutputColumn}.";
                return false;
            }

            promptSum += prompt;
            outputSum += output;
            requests++;
        }

        if (requests == 0)
        {
            error = $"The trace needs a header line and at least one request (columns {PromptColumn}, {OutputColumn}).";
            return false;
        }

        stats = new WorkloadStats($"Uploaded trace ({requests} requests, means)", promptSum / requests, outputSum / requests, requests);
        error = null;
        return true;
    }

    private static int ColumnIndex(ReadOnlySpan<char> header, string column)
    {
        var index = 0;
        foreach (var range in header.Split(','))
        {
            if (Unquote(header[range]).Equals(column, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    /// <summary>The cell at <paramref name="index"/>, or empty when the line is shorter.</summary>
    private static ReadOnlySpan<char> Cell(ReadOnlySpan<char> line, int index)
    {
        foreach (var range in line.Split(','))
        {
            if (index-- == 0)
            {
                return line[range];
            }
        }

        return [];
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> cell) => cell.Trim().Trim('"');

    private static bool TryReadLength(ReadOnlySpan<char> cell, out int value) =>
        int.TryParse(Unquote(cell), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
}
