namespace Platform.Web.Security;

/// <summary>
/// Splits a command's arguments (after its name) into the verb, its options (<c>--role runner</c>; the first bare word
/// after the verb under the key ""), and what is left, which is configuration for the app (<c>--Key=value</c>).
/// </summary>
internal static class CommandArguments
{
    public static (string Verb, Dictionary<string, string> Options, string[] Remaining) Parse(string[] args, params string[] valueOptions)
    {
        var verb = args.FirstOrDefault() ?? "";
        var options = new Dictionary<string, string>();
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && valueOptions.Contains(args[i][2..]) && i + 1 < args.Length)
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
}
