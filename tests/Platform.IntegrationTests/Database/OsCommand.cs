using System.Diagnostics;

namespace Platform.IntegrationTests.Database;

/// <summary>Runs a program (optionally as another OS user, through runuser) and returns its exit code and output.</summary>
internal static class OsCommand
{
    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<(int Code, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Runs as <paramref name="user"/> when we are root, else as ourselves.</summary>
    public static Task<(int Code, string Output)> RunAsAsync(string? user, string program, params string[] arguments) =>
        user is null ? RunAsync(program, arguments) : RunAsync("runuser", ["-u", user, "--", program, .. arguments]);

    /// <summary>The newest installed PostgreSQL's bin folder (Debian's layout).</summary>
    public static string PostgresBin(string tool) =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => Path.Combine(d, "bin", tool)).First(File.Exists);
}
