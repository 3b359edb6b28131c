using System.Globalization;

namespace Platform.Experiments.ServingThroughput.Workloads;

/// <summary>
/// Reads an uploaded request trace: a CSV with the columns <c>ContextTokens</c> and <c>GeneratedTokens</c> (the
/// Splitwise/NanoFlow trace format), in any order among other columns. Errors name the offending line.
/// </summary>
public static class TraceCsvParser
{
    public const string PromptColumn = "ContextTokens";
    public const string OutputColumn = "GeneratedTokens";

    public static bool TryParse(string text, out WorkloadStats? stats, out string? error)
    {
        stats = null;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            error = $"The trace needs a header line and at least one request (columns {PromptColumn}, {OutputColumn}).";
            return false;
        }

        var header = lines[0].Split(',').Select(column => column.Trim().Trim('"')).ToList();
        var promptIndex = header.FindIndex(column => column.Equals(PromptColumn, StringComparison.OrdinalIgnoreCase));
        var outputIndex = header.FindIndex(column => column.Equals(OutputColumn, StringComparison.OrdinalIgnoreCase));
        if (promptIndex < 0 || outputIndex < 0)
        {
            error = $"The trace's header must name the columns {PromptColumn} and {OutputColumn}.";
            return false;
        }

        double promptSum = 0, outputSum = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length <= Math.Max(promptIndex, outputIndex)
                || !TryReadLength(cells[promptIndex], out var prompt)
                || !TryReadLength(cells[outputIndex], out var output))
            {
                error = $"Line {i + 1} of the trace needs a positive whole {PromptColumn} and {OutputColumn}.";
                return false;
            }

            promptSum += prompt;
            outputSum += output;
        }

        var requests = lines.Length - 1;
        stats = new WorkloadStats($"Uploaded trace ({requests} requests, means)", promptSum / requests, outputSum / requests, requests);
        error = null;
        return true;
    }

    private static bool TryReadLength(string cell, out int value) =>
        int.TryParse(cell.Trim().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
}
