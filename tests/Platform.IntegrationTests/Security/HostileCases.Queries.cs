using System.Net;
using static Platform.IntegrationTests.Security.HostileCategory;

namespace Platform.IntegrationTests.Security;

/// <summary>Hostile query strings and ids: the run list, metrics, logs, stats, comparisons and cancellation.</summary>
internal static partial class HostileCases
{
    private static IEnumerable<HostileRequest> Queries() =>
    [
        Get("runs?state=Bogus", BadQuery, "state"),
        Get("runs?state=7", WrongType, "state"),
        Get($"runs?state=Queued{Uri.EscapeDataString(Sql)}", InjectionText, "state"),
        Get("runs?sort=created;DROP TABLE runs", InjectionText, "sort"),
        Get("runs?sort=1", WrongType, "sort"),
        Get("runs?order=sideways", BadQuery, "order"),
        Get("runs?page=0", NegativeSize, "page"),
        Get("runs?page=-1", NegativeSize, "page"),
        Get("runs?page=abc", WrongType, "page"),
        Get("runs?page=2147483647", HugeNumber, "page"),
        Get("runs?page=99999999999", HugeNumber, "page"),
        Get("runs?pageSize=0", NegativeSize, "pageSize"),
        Get("runs?pageSize=-5", NegativeSize, "pageSize"),
        Get("runs?pageSize=501", HugeNumber, "pageSize"),
        Get("runs?pageSize=2147483648", HugeNumber, "pageSize"),
        Get("runs?pageSize=1e400", HugeNumber, "pageSize"),
        Get("runs?pageSize=NaN", NotANumber, "pageSize"),
        Get("runs?pageSize=Infinity", NotANumber, "pageSize"),
        Get("runs?pageSize=2.5", WrongType, "pageSize"),
        Get("runs?q=a%00b", InjectionText, "q"),
        Get("runs?tag=a%00b", InjectionText, "tag"),
        Get("runs?kind=a%00b", InjectionText, "kind"),
        Get("runs/{others}/metrics?key=a%00b", InjectionText, "key"),
        Get("runs/{others}/metrics?fromStep=abc", WrongType, "fromStep"),
        Get("runs/{others}/metrics?toStep=1e400", HugeNumber, "toStep"),
        Get("runs/{others}/metrics?toStep=99999999999999999999", HugeNumber, "toStep"),
        Get("runs/{others}/metrics?fromStep=NaN", NotANumber, "fromStep"),
        Get("runs/{others}/metrics?fromStep=10&toStep=5", BadQuery, "fromStep"),
        Get("runs/{others}/metrics?maxPoints=-1", NegativeSize, "maxPoints"),
        Get("runs/{others}/metrics?maxPoints=100001", HugeNumber, "maxPoints"),
        Get("runs/{others}/metrics?maxPoints=Infinity", NotANumber, "maxPoints"),
        Get("runs/{others}/metrics?maxPoints=ten", WrongType, "maxPoints"),
        Get("runs/{others}/logs?last=-1", NegativeSize, "last"),
        Get("runs/{others}/logs?last=all", WrongType, "last"),
        Get("stats?hours=-1", NegativeSize, "hours"),
        Get("stats?hours=1e400", HugeNumber, "hours"),
    ];

    private static IEnumerable<HostileRequest> Ids() =>
    [
        Post("runs/not-a-guid/cancel", HttpStatusCode.NotFound),
        Post($"runs/{Guid.NewGuid()}/cancel", HttpStatusCode.NotFound, "an unknown id"),
        Post($"runs/{Guid.Empty}/cancel", HttpStatusCode.NotFound),
        Post($"runs/{Uri.EscapeDataString(Sql)}/cancel", HttpStatusCode.NotFound, "SQL as the id"),
        Post("runs/{others}/cancel", HttpStatusCode.Forbidden, "another runner's run"),
        Get("runs/not-a-guid", BadId, status: HttpStatusCode.NotFound),
        Get($"runs/{Guid.NewGuid()}/metrics", BadId, status: HttpStatusCode.NotFound, name: "runs/{unknown id}/metrics"),
        Get("runs/42/metrics?fromStep=0", BadId, status: HttpStatusCode.NotFound),
        Get($"runs/{Uri.EscapeDataString(Script)}/metrics", BadId, status: HttpStatusCode.NotFound, name: "runs/{script}/metrics"),
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
        new($"POST {(name is null ? path : $"runs/{{{name}}}/cancel")}", BadId, HttpMethod.Post, $"/api/v1/{path}", () => null, status);
}
