using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Core.Persistence;
using Platform.Core.Security;
using Platform.Web.Database;

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
        var (verb, options, rest) = Parse(args[1..]);
        if (verb is not ("create" or "list" or "revoke"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest, ApplicationName = typeof(KeysCommand).Assembly.GetName().Name });
        await using var database = await PlatformDatabase.OpenAsync(builder.Configuration, builder.Environment.ContentRootPath, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var contexts = new CommandContextFactory(dataSource);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var keys = new ApiKeyService(contexts, TimeProvider.System);
        switch (verb)
        {
            case "create" when options.TryGetValue("role", out var roleText) && Enum.TryParse<AccessRole>(roleText, ignoreCase: true, out var role)
                                && !int.TryParse(roleText, out _):
                var created = await keys.CreateAsync(options.GetValueOrDefault("name") ?? $"{Policies.RoleName(role)} key (command line)", role, "command line", cancellationToken);
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
                if (match is null || !await keys.RevokeAsync(match.Id, cancellationToken))
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

    private static (string Verb, Dictionary<string, string> Options, string[] Remaining) Parse(string[] args)
    {
        var verb = args.FirstOrDefault() ?? "";
        var options = new Dictionary<string, string>();
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] is "--role" or "--name" && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal) && !options.ContainsKey(""))
            {
                options[""] = args[i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (verb, options, rest.ToArray());
    }

    private sealed class CommandContextFactory(NpgsqlDataSource dataSource) : IDbContextFactory<PlatformDbContext>
    {
        public PlatformDbContext CreateDbContext() =>
            new((DbContextOptions<PlatformDbContext>)new DbContextOptionsBuilder<PlatformDbContext>().UsePlatformDatabase(dataSource).UseLoggerFactory(NullLoggerFactory.Instance).Options);
    }
}
