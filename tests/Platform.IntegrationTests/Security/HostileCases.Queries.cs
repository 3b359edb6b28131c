using System.Net;
using static Platform.IntegrationTests.Security.HostileCategory;

namespace Platform.IntegrationTests.Security;

/// <summary>Hostile query strings and ids: the job list, metrics, logs, stats, comparisons and cancellation.</summary>
internal static partial class HostileCases
{
    private static IEnumerable<HostileRequest> Queries() =>
    [
        Get("jobs?state=Bogus", BadQuery, "state"),
        Get("jobs?state=7", WrongType, "state"),
        Get($"jobs?state=Queued{Uri.EscapeDataString(Sql)}", InjectionText, "state"),
        Get("jobs?sort=created;DROP TABLE jobs", InjectionText, "sort"),
        Get("jobs?sort=1", WrongType, "sort"),
        Get("jobs?order=sideways", BadQuery, "order"),
        Get("jobs?page=0", NegativeSize, "page"),
        Get("jobs?page=-1", NegativeSize, "page"),
        Get("jobs?page=abc", WrongType, "page"),
        Get("jobs?page=2147483647", HugeNumber, "page"),
        Get("jobs?page=99999999999", HugeNumber, "page"),
        Get("jobs?pageSize=0", NegativeSize, "pageSize"),
        Get("jobs?pageSize=-5", NegativeSize, "pageSize"),
        Get("jobs?pageSize=501", HugeNumber, "pageSize"),
        Get("jobs?pageSize=2147483648", HugeNumber, "pageSize"),
        Get("jobs?pageSize=1e400", HugeNumber, "pageSize"),
        Get("jobs?pageSize=NaN", NotANumber, "pageSize"),
        Get("jobs?pageSize=Infinity", NotANumber, "pageSize"),
        Get("jobs?pageSize=2.5", WrongType, "pageSize"),
        Get("jobs?q=a%00b", InjectionText, "q"),
        Get("jobs?tag=a%00b", InjectionText, "tag"),
        Get("jobs?kind=a%00b", InjectionText, "kind"),
        Get("jobs/{others}/metrics?key=a%00b", InjectionText, "key"),
        Get("jobs/{others}/metrics?fromStep=abc", WrongType, "fromStep"),
        Get("jobs/{others}/metrics?toStep=1e400", HugeNumber, "toStep"),
        Get("jobs/{others}/metrics?toStep=99999999999999999999", HugeNumber, "toStep"),
        Get("jobs/{others}/metrics?fromStep=NaN", NotANumber, "fromStep"),
        Get("jobs/{others}/metrics?fromStep=10&toStep=5", BadQuery, "fromStep"),
        Get("jobs/{others}/metrics?maxPoints=-1", NegativeSize, "maxPoints"),
        Get("jobs/{others}/metrics?maxPoints=100001", HugeNumber, "maxPoints"),
        Get("jobs/{others}/metrics?maxPoints=Infinity", NotANumber, "maxPoints"),
        Get("jobs/{others}/metrics?maxPoints=ten", WrongType, "maxPoints"),
        Get("jobs/{others}/logs?last=-1", NegativeSize, "last"),
        Get("jobs/{others}/logs?last=all", WrongType, "last"),
        Get("stats?hours=-1", NegativeSize, "hours"),
        Get("stats?hours=1e400", HugeNumber, "hours"),
    ];

    private static IEnumerable<HostileRequest> Ids() =>
    [
        Post("jobs/not-a-guid/cancel", HttpStatusCode.NotFound),
        Post($"jobs/{Guid.NewGuid()}/cancel", HttpStatusCode.NotFound, "an unknown id"),
        Post($"jobs/{Guid.Empty}/cancel", HttpStatusCode.NotFound),
        Post($"jobs/{Uri.EscapeDataString(Sql)}/cancel", HttpStatusCode.NotFound, "SQL as the id"),
        Post("jobs/{others}/cancel", HttpStatusCode.Forbidden, "another runner's job"),
        Get("jobs/not-a-guid", BadId, status: HttpStatusCode.NotFound),
        Get($"jobs/{Guid.NewGuid()}/metrics", BadId, status: HttpStatusCode.NotFound, name: "jobs/{unknown id}/metrics"),
        Get("jobs/42/metrics?fromStep=0", BadId, status: HttpStatusCode.NotFound),
        Get($"jobs/{Uri.EscapeDataString(Script)}/metrics", BadId, status: HttpStatusCode.NotFound, name: "jobs/{script}/metrics"),
        Get("comparisons", BadId, "ids"),
        Get("comparisons?ids=,,,", BadId, "ids"),
        Get("comparisons?ids=not-a-guid", BadId, "ids"),
        Get($"comparisons?ids={Uri.EscapeDataString(Sql)}", InjectionText, "ids"),
        Get($"comparisons?ids={Uri.EscapeDataString(Script)}", InjectionText, "ids"),
        Get($"comparisons?ids={string.Join(",", Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()))}", HugeNumber, "ids", name: "comparisons?ids={201 ids}"),
    ];

    /// <summary>A GET under /api/v1; its name is the path unless given (ids that change per run must not be in names).</summary>
    private static HostileRequest Get(string path, HostileCategory category, string? field = null, HttpStatusCode status = HttpStatusCode.BadRequest, string? name = null) =>
        new($"GET {name ?? path}", category, HttpMethod.Get, $"/api/v1/{path}", () => null, status, field);

    private static HostileRequest Post(string path, HttpStatusCode status, string? name = null) =>
        new($"POST {(name is null ? path : $"jobs/{{{name}}}/cancel")}", BadId, HttpMethod.Post, $"/api/v1/{path}", () => null, status);
}
