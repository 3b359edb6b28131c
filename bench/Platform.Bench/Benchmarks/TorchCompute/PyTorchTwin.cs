using System.Diagnostics;
using System.Text.Json;

namespace Platform.Bench.Benchmarks.TorchCompute;

/// <summary>
/// Runs <c>pytorch_mlp_step.py</c> with Debian's Python and python3-torch. Debian's interpreter is named
/// explicitly: a python3 earlier on PATH (pyenv, a venv) would not see the Debian package.
/// </summary>
internal static class PyTorchTwin
{
    public const string Interpreter = "/usr/bin/python3";

    public static async Task<(double MedianMs, string Version)?> MeasureAsync(
        int batch, int hidden, int threads, int warmup, int steps, CancellationToken cancellationToken)
    {
        if (!File.Exists(Interpreter))
        {
            return null;
        }

        var script = Path.Combine(AppContext.BaseDirectory, "pytorch_mlp_step.py");
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                script, "--batch", batch.ToString(), "--hidden", hidden.ToString(), "--threads", threads.ToString(),
                "--warmup", warmup.ToString(), "--steps", steps.ToString(),
            },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Interpreter}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            // No torch module: report the baseline as missing rather than failing the whole benchmark run.
            if ((await error).Contains("No module named 'torch'", StringComparison.Ordinal))
            {
                return null;
            }

            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await error}");
        }

        using var json = JsonDocument.Parse(await output);
        return (json.RootElement.GetProperty("median_ms").GetDouble(), json.RootElement.GetProperty("torch").GetString() ?? "?");
    }
}
