using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Core.Runs;

namespace Platform.Workers.Runs;

/// <summary>The reproducibility record of an attempt: what ran, on what, with which configuration.</summary>
internal static class RunEnvironment
{
    public static string Describe(ClaimedRun run, string workerId, int threads, IReadOnlyDictionary<string, string> libraries)
    {
        var configuration = $"{run.Kind}\n{run.Parameters}\n{run.Seed}";
        var record = new Dictionary<string, object>
        {
            ["configHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(configuration))),
            ["codeVersion"] = typeof(RunEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            ["worker"] = workerId,
            ["machine"] = Environment.MachineName,
            ["os"] = RuntimeInformation.OSDescription,
            ["architecture"] = RuntimeInformation.ProcessArchitecture.ToString(),
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["processorCount"] = Environment.ProcessorCount,
            ["threadsPerRun"] = threads,
            ["attempt"] = run.Attempt,
            ["libraries"] = libraries,
        };
        return JsonSerializer.Serialize(record);
    }
}
