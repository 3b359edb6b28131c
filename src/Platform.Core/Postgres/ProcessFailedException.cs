namespace Platform.Core.Postgres;

/// <summary>A command exited with a non-zero code; the message carries its standard error.</summary>
public sealed class ProcessFailedException(string command, int exitCode, string standardError, string? detail = null)
    : Exception(BuildMessage(command, exitCode, standardError, detail))
{
    public string Command { get; } = command;

    public int ExitCode { get; } = exitCode;

    public string StandardError { get; } = standardError;

    private static string BuildMessage(string command, int exitCode, string standardError, string? detail)
    {
        var message = $"'{command}' exited with code {exitCode}: {standardError.Trim()}";
        return detail is null ? message : $"{message}{Environment.NewLine}{detail}";
    }
}
