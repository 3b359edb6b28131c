using System.Diagnostics;

namespace Platform.IntegrationTests.Reliability;

/// <summary>
/// A real worker process (tests/Platform.TestWorker, built with the solution) on a test database, so a test can kill
/// it the way a machine dies: SIGKILL, no shutdown code runs.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process) => _process = process;

    /// <summary>The process's last lines of output, for a failing test to show.</summary>
    public string Output => string.Join('\n', _output);

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
        var worker = new WorkerProcess(process);
        // Drain its output so a full pipe never blocks it, keeping the tail.
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
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
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            throw new TimeoutException($"The worker process did not exit within {timeout}. Its last output:\n{Output}");
        }

        return _process.ExitCode;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
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
