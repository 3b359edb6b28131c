using System.Diagnostics;
using System.Globalization;
using Platform.Bench.Benchmarks.Queue;
using Platform.Experiments;

namespace Platform.Bench.Benchmarks.Studies;

/// <summary>
/// Worker processes of their own: this bench executable started again as <c>worker-process CONNECTION SLOTS</c>, each a
/// real worker app with the no-op family that says <c>ready</c> once started and stops when its standard input closes.
/// </summary>
public sealed class WorkerProcesses : IAsyncDisposable
{
    public const string Verb = "worker-process";

    private readonly List<Process> _processes;

    private WorkerProcesses(List<Process> processes) => _processes = processes;

    /// <summary>Starts <paramref name="count"/> processes and returns once every one has started its worker.</summary>
    public static async Task<WorkerProcesses> StartAsync(string connectionString, int count, int slots, CancellationToken cancellationToken)
    {
        var processes = new List<Process>();
        var started = new WorkerProcesses(processes);
        try
        {
            for (var i = 0; i < count; i++)
            {
                processes.Add(Start(connectionString, slots));
            }

            foreach (var process in processes)
            {
                while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line && line != "ready")
                {
                }
            }

            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>The child's side: run the worker until the parent closes our standard input.</summary>
    public static async Task<int> RunChildAsync(string connectionString, int slots)
    {
        await using var app = await WorkerApp.CreateAsync(connectionString, slots, s => s.AddExperiment<NoOpExperiment>(), CancellationToken.None);
        await app.StartAsync(CancellationToken.None);
        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static Process Start(string connectionString, int slots)
    {
        // Under `dotnet run` the process is the apphost; started as `dotnet Platform.Bench.dll`, the host needs the dll.
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(WorkerProcesses).Assembly.Location);
        }

        info.ArgumentList.Add(Verb);
        info.ArgumentList.Add(connectionString);
        info.ArgumentList.Add(slots.ToString(CultureInfo.InvariantCulture));
        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {self}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.StandardInput.Close();
        }

        foreach (var process in _processes)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
