using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Hosting;
using Platform.Core.Security;
using Platform.IntegrationTests.Support;
using Platform.Web.Security;

namespace Platform.IntegrationTests.Security;

/// <summary><c>dotnet Platform.Web.dll users ...</c>: the way back in for a locked-out admin, against a real database.</summary>
public sealed class UsersCommandTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_list_reset_password_and_enable_work_with_the_password_read_from_standard_input()
    {
        var database = await server.CreateDatabaseAsync();
        string[] config = [$"--ConnectionStrings:Platform={database}", "--Logging:LogLevel:Default=Warning"];

        Assert.Equal(0, (await RunAsync(["users", "create", "ada", "--role", "admin", .. config], "first long password\n")).Code);
        var (code, _, error) = await RunAsync(["users", "create", "bob", "--role", "viewer", .. config], "short\n");
        Assert.Equal(1, code);
        Assert.Contains("12", error); // the password rule, as the dashboard states it

        await using var app = await SecureApp.StartAsync(database, PlatformRole.Web);
        var users = app.Services.GetRequiredService<UserAccountService>();
        Assert.NotNull(await users.VerifyAsync("ada", "first long password", Ct));
        var ada = (await users.ListAsync(Ct)).Single(u => u.UserName == "ada");
        Assert.True((await users.CreateAsync(Caller.Platform, "eve", "a long enough secret", AccessRole.Admin, Ct)).Succeeded);
        Assert.True((await users.DisableAsync(Caller.Platform, ada.Id, Ct)).Succeeded);

        // Locked out: disabled, and the password forgotten.
        Assert.Equal(0, (await RunAsync(["users", "reset-password", "ada", .. config], "second long password\n")).Code);
        Assert.Null(await users.VerifyAsync("ada", "second long password", Ct));
        Assert.Equal(0, (await RunAsync(["users", "enable", "ada", .. config], "")).Code);
        Assert.NotNull(await users.VerifyAsync("ada", "second long password", Ct));

        var (_, listed, _) = await RunAsync(["users", "list", .. config], "");
        Assert.Contains("ada\tadmin\tactive", listed);
        Assert.DoesNotContain("password", listed);
        Assert.Equal(1, (await RunAsync(["users", "enable", "nobody", .. config], "")).Code);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("users create")]
    [InlineData("users create ada")]
    [InlineData("users create ada --role root")]
    [InlineData("users reset-password")]
    [InlineData("users delete ada")]
    public async Task Bad_commands_print_usage_and_exit_2(string command)
    {
        var (code, _, error) = await RunAsync([.. command.Split(' '), "--ConnectionStrings:Platform=Host=unused"], "");
        Assert.Equal(2, code);
        Assert.Contains("usage:", error);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string input)
    {
        using var stdin = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await UsersCommand.RunAsync(args, stdin, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }
}
