using Platform.Core.Jobs;

namespace Platform.Web.Api;

/// <summary>Query string of <c>GET /api/v1/jobs</c>; values are strings so that bad input gets a named 400.</summary>
public sealed record JobListQuery(string? State, string? Kind, int? Page, int? PageSize)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (State is not null && !Enum.TryParse<JobState>(State, ignoreCase: true, out _))
        {
            errors["state"] = [$"'state' must be one of: {string.Join(", ", Enum.GetNames<JobState>())}."];
        }

        if (Page is < 1)
        {
            errors["page"] = ["'page' must be 1 or more."];
        }

        if (PageSize is < 1 or > JobFilter.MaxPageSize)
        {
            errors["pageSize"] = [$"'pageSize' must be between 1 and {JobFilter.MaxPageSize}."];
        }

        return errors;
    }

    public JobFilter ToFilter() => new(
        State is null ? null : Enum.Parse<JobState>(State, ignoreCase: true),
        string.IsNullOrWhiteSpace(Kind) ? null : Kind,
        Page ?? 1,
        PageSize ?? 50);
}
