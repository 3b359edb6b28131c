using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// <c>keys create --role runner [--name NAME]</c>, <c>keys list</c>, <c>keys revoke LOOKUP</c>: key management from a
/// shell, against the configured database (or the embedded one, while the app is stopped). Other arguments are
/// configuration, as for the app (<c>--ConnectionStrings:Platform=...</c>).
/// </summary>
public static class KeysCommand
{
    private const string Usage = "usage: keys create --role viewer|runner|admin [--name NAME] | keys list | keys revoke LOOKUP";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "keys";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (verb, options, rest) = CommandArguments.Parse(args[1..], "role", "name");
        if (verb is not ("create" or "list" or "revoke"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var database = await CommandDatabase.OpenAsync(rest, cancellationToken);
        var keys = new ApiKeyService(database.Contexts, TimeProvider.System);
        // A shell on the machine is trusted as the platform itself (it can read the database's files anyway).
        var commandLine = Caller.Platform with { DisplayName = "command line" };
        switch (verb)
        {
            case "create" when options.TryGetValue("role", out var roleText) && Enum.TryParse<AccessRole>(roleText, ignoreCase: true, out var role)
                                && !int.TryParse(roleText, out _):
                var created = await keys.CreateAsync(commandLine, options.GetValueOrDefault("name") ?? $"{Policies.RoleName(role)} key (command line)", role, cancellationToken);
                await error.WriteLineAsync($"Created {Policies.RoleName(role)} key '{created.Info.Name}' ({created.Info.Lookup}). It is shown only now:");
                await output.WriteLineAsync(created.Key);
                return 0;
            case "list":
                foreach (var key in await keys.ListAsync(cancellationToken))
                {
                    var state = key.RevokedAt is null ? "active" : $"revoked {key.RevokedAt:u}";
                    await output.WriteLineAsync($"{key.Lookup}\t{Policies.RoleName(key.Role)}\t{state}\t{key.Name}");
                }

                return 0;
            case "revoke" when options.TryGetValue("", out var lookup):
                var match = (await keys.ListAsync(cancellationToken)).FirstOrDefault(k => k.Lookup == lookup);
                if (match is null || !await keys.RevokeAsync(commandLine, match.Id, cancellationToken))
                {
                    await error.WriteLineAsync($"No key {lookup}.");
                    return 1;
                }

                await output.WriteLineAsync($"Revoked {lookup}.");
                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
