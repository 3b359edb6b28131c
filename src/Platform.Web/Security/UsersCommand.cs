using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// <c>users list</c>, <c>users create NAME --role ROLE</c>, <c>users reset-password NAME</c>, <c>users enable NAME</c>:
/// user management from a shell, mainly the way back in when the only admin is locked out. Passwords are read from
/// standard input (one line), never from the arguments, which other users of the machine can see.
/// </summary>
public static class UsersCommand
{
    private const string Usage =
        "usage: users list | users create NAME --role viewer|runner|admin | users reset-password NAME | users enable NAME " +
        "(passwords are read from standard input)";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "users";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (verb, options, rest) = CommandArguments.Parse(args[1..], "role");
        var name = options.GetValueOrDefault("");
        var role = RoleOf(options.GetValueOrDefault("role"));
        var valid = verb switch
        {
            "list" => true,
            "create" => name is not null && role is not null,
            "reset-password" or "enable" => name is not null,
            _ => false,
        };
        if (!valid)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var database = await CommandDatabase.OpenAsync(rest, cancellationToken);
        var users = new UserAccountService(database.Contexts, database.DataSource, TimeProvider.System);
        if (verb == "list")
        {
            foreach (var user in await users.ListAsync(cancellationToken))
            {
                var state = user.DisabledAt is { } since ? $"disabled {since:u}" : "active";
                await output.WriteLineAsync($"{user.UserName}\t{Policies.RoleName(user.Role)}\t{state}\tcreated {user.CreatedAt:u}");
            }

            return 0;
        }

        if (verb == "create")
        {
            return await ReportAsync(await users.CreateAsync(Caller.Platform, name!, await ReadPasswordAsync(input), role!.Value, cancellationToken),
                $"Created {Policies.RoleName(role.Value)} '{name}'.", output, error);
        }

        var existing = (await users.ListAsync(cancellationToken)).FirstOrDefault(u => u.UserName == name!.Trim());
        if (existing is null)
        {
            await error.WriteLineAsync($"No user '{name}'.");
            return 1;
        }

        return verb == "enable"
            ? await ReportAsync(await users.EnableAsync(Caller.Platform, existing.Id, cancellationToken), $"Enabled '{existing.UserName}'.", output, error)
            : await ReportAsync(await users.ResetPasswordAsync(Caller.Platform, existing.Id, await ReadPasswordAsync(input), cancellationToken),
                $"New password set for '{existing.UserName}'; their open sessions have ended." +
                (existing.IsDisabled ? $" The account is disabled: 'users enable {existing.UserName}' lets it sign in." : ""), output, error);
    }

    private static AccessRole? RoleOf(string? text) =>
        Enum.TryParse<AccessRole>(text, ignoreCase: true, out var role) && !int.TryParse(text, out _) ? role : null;

    private static async Task<string> ReadPasswordAsync(TextReader input) => (await input.ReadLineAsync()) ?? "";

    private static async Task<int> ReportAsync(UserChangeResult result, string done, TextWriter output, TextWriter error)
    {
        if (result.Succeeded)
        {
            await output.WriteLineAsync(done);
            return 0;
        }

        await error.WriteLineAsync(result.Error ?? result.Outcome.ToString());
        return 1;
    }
}
