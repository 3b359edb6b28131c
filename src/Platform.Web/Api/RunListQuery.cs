using System.Globalization;
using Platform.Core.Runs;

namespace Platform.Web.Api;

/// <summary>
/// Query string of <c>GET /api/v1/runs</c>. Every value is a string so that bad input gets a 400 naming its field
/// instead of a binding failure. <c>state</c> takes a comma-separated list; <c>q</c> matches part of the id, kind,
/// tag or error text.
/// </summary>
public sealed record RunListQuery(string? State, string? Kind, string? Tag, string? Q, string? Sort, string? Order, string? Page, string? PageSize)
{
    public const int DefaultPageSize = 50;

    public static IReadOnlyList<string> SortNames { get; } = Enum.GetNames<RunSortField>().Select(n => n.ToLowerInvariant()).ToList();

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (ParseStates(State) is null)
        {
            errors["state"] = [$"'state' must be one or more (comma-separated) of: {string.Join(", ", Enum.GetNames<RunState>())}."];
        }

        if (Sort is not null && !TryParseSort(Sort, out _))
        {
            errors["sort"] = [$"'sort' must be one of: {string.Join(", ", SortNames)}."];
        }

        if (Order is not null && !Order.Equals("asc", StringComparison.OrdinalIgnoreCase) && !Order.Equals("desc", StringComparison.OrdinalIgnoreCase))
        {
            errors["order"] = ["'order' must be 'asc' or 'desc'."];
        }

        if (Page is not null && ParseInt(Page) is not (>= 1 and <= RunFilter.MaxPage))
        {
            errors["page"] = [$"'page' must be a whole number between 1 and {RunFilter.MaxPage}."];
        }

        if (PageSize is not null && ParseInt(PageSize) is not (>= 1 and <= RunFilter.MaxPageSize))
        {
            errors["pageSize"] = [$"'pageSize' must be a whole number between 1 and {RunFilter.MaxPageSize}."];
        }

        foreach (var (name, text) in new[] { ("kind", Kind), ("tag", Tag), ("q", Q) })
        {
            if (QueryValue.HasNul(text))
            {
                errors[name] = [QueryValue.NulMessage(name)];
            }
        }

        return errors;
    }

    /// <summary>The filter; call only after <see cref="Validate"/> found nothing.</summary>
    public RunFilter ToFilter() => new(
        ParseStates(State),
        Blank(Kind),
        Blank(Tag),
        Blank(Q),
        Sort is not null && TryParseSort(Sort, out var sort) ? sort : RunSortField.Created,
        !string.Equals(Order, "asc", StringComparison.OrdinalIgnoreCase),
        ParseInt(Page) ?? 1,
        ParseInt(PageSize) ?? DefaultPageSize);

    /// <summary>The states named in a comma-separated list (empty for none), or null when one is unknown.</summary>
    public static IReadOnlyList<RunState>? ParseStates(string? states)
    {
        var result = new List<RunState>();
        foreach (var name in (states ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Enum.TryParse also accepts numbers ("7"), which name no state.
            if (!Enum.TryParse<RunState>(name, ignoreCase: true, out var state) || !Enum.IsDefined(state) || char.IsAsciiDigit(name[0]))
            {
                return null;
            }

            result.Add(state);
        }

        return result.Distinct().ToList();
    }

    public static bool TryParseSort(string value, out RunSortField sort) =>
        Enum.TryParse(value, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !char.IsAsciiDigit(value.FirstOrDefault('0'));

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
