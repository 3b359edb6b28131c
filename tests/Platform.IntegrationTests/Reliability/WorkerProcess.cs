using System.Diagnostics;

namespace Platform.IntegrationTests.Reliability;

/// <summary>
/// A real worker process (tests/Platform.TestWorker, built with the solution) on a test database, so a test can kill
/// it the way a machine dies: SIGKILL, no shutdown code runs.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(string connectionString, IDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepositoryRoot(), "artifacts", "bin", "Platform.TestWorker", "debug", "Platform.TestWorker.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the solution first: the test worker is missing.", dll);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        var all = new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings:Platform"] = connectionString,
            ["Platform:Role"] = "worker",
            ["urls"] = "http://127.0.0.1:0",
            ["Security:LocalMode"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test worker.");
        // Drain its output so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process);
    }

    /// <summary>SIGTERM, as a service manager stops a process, then waits for it to exit on its own.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    /// <summary>Waits for the process to end on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to hand back its run, flush or say goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
