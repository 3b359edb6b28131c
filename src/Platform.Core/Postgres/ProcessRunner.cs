using System.Diagnostics;

namespace Platform.Core.Postgres;

/// <summary>Runs a command to completion with its output captured; arguments are never joined into a string.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server account may not be able to enter the caller's folder (e.g. /root); tools need a readable cwd.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // PGDATA, PGPORT, PGHOST... of the caller's shell must not redirect our tools to another cluster.
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited on its own meanwhile.
            }
            throw;
        }

        var result = new ProcessResult(process.ExitCode, await standardOutput, await standardError);
        if (throwOnError && result.ExitCode != 0)
        {
            throw new ProcessFailedException(Describe(fileName, startInfo.ArgumentList), result.ExitCode,
                result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput);
        }
        return result;
    }

    public static string Describe(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(fileName));
}
