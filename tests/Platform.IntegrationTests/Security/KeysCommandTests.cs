using System.Net;
using Platform.Core.Hosting;
using Platform.IntegrationTests.Support;
using Platform.Web.Security;

namespace Platform.IntegrationTests.Security;

/// <summary><c>dotnet Platform.Web.dll keys ...</c>: the same entry point the binary uses, against a real database.</summary>
public sealed class KeysCommandTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_create_prints_a_working_key_once_and_keys_revoke_ends_it()
    {
        var database = await server.CreateDatabaseAsync();
        string[] config = [$"--ConnectionStrings:Platform={database}", "--Logging:LogLevel:Default=Warning"];
        var (code, printed, _) = await RunAsync(["keys", "create", "--role", "runner", "--name", "ci", .. config]);
        Assert.Equal(0, code);
        var key = printed.Trim();
        Assert.StartsWith("pk_", key);

        await using var app = await SecureApp.StartAsync(database, PlatformRole.Web);
        using var client = app.ClientWithKey(key);
        using var submit = await client.PostAsync("/api/v1/runs", new StringContent($$"""{"kind":"{{CounterExperiment.KindName}}"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, submit.StatusCode);

        var (_, listed, _) = await RunAsync(["keys", "list", .. config]);
        Assert.Contains("runner", listed);
        Assert.DoesNotContain(key, listed);
        var lookup = listed.Split('\t')[0];
        Assert.Equal(0, (await RunAsync(["keys", "revoke", lookup, .. config])).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/runs", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("keys create")]
    [InlineData("keys create --role superuser")]
    [InlineData("keys delete")]
    public async Task Bad_commands_print_usage_and_exit_non_zero(string command)
    {
        var database = await server.CreateDatabaseAsync();
        var (code, _, error) = await RunAsync([.. command.Split(' '), $"--ConnectionStrings:Platform={database}", "--Logging:LogLevel:Default=Warning"]);
        Assert.NotEqual(0, code);
        Assert.Contains("usage:", error);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KeysCommand.RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }
}
