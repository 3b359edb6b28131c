using System.Diagnostics;

namespace Platform.IntegrationTests.Security;

/// <summary>
/// The real binary's <c>keys</c> command on the embedded (password-protected) database: standard output carries the
/// result alone, so <c>key=$(dotnet Platform.Web.dll keys create ...)</c> captures just the key; logs go to standard error.
/// </summary>
public sealed class CommandOutputTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "platform-cmd-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Keys_create_prints_only_the_key_on_standard_output_and_logs_on_standard_error()
    {
        var created = await RunAsync("keys", "create", "--role", "runner", "--name", "ci");
        Assert.Equal(0, created.Code);
        var key = Assert.Single(created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pk_", key);
        Assert.Contains("Embedded PostgreSQL", created.Error);

        // Again, on the restarted cluster: the key is listed (by its lookup id, never its secret).
        var listed = await RunAsync("keys", "list");
        Assert.Equal(0, listed.Code);
        var row = Assert.Single(listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(key.Split('_')[1], row);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "artifacts", "bin", "Platform.Web", "debug", "Platform.Web.dll"));
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--EmbeddedPostgres:DataDirectory={_dataDirectory}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Information");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
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
