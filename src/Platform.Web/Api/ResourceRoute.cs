namespace Platform.Web.Api;

/// <summary>
/// Where a resource's endpoints are mapped: its path, or a former path kept for one release as a deprecated alias
/// (the vocabulary change renamed <c>/jobs</c> to <c>/runs</c> and <c>/experiments</c> to <c>/families</c>). The alias
/// serves the same handlers, so old clients keep working while every response tells them where to go.
/// </summary>
public sealed record ResourceRoute(string Prefix, string? SuccessorPrefix = null)
{
    public static readonly ResourceRoute Runs = new("/api/v1/runs");

    public static readonly ResourceRoute DeprecatedJobs = new("/api/v1/jobs", Runs.Prefix);

    public static readonly ResourceRoute Families = new("/api/v1/families");

    public static readonly ResourceRoute DeprecatedExperiments = new("/api/v1/experiments", Families.Prefix);

    public bool IsDeprecated => SuccessorPrefix is not null;

    public RouteGroupBuilder MapGroup(IEndpointRouteBuilder routes, string path, string tag)
    {
        var group = routes.MapGroup(Prefix + path).WithTags(IsDeprecated ? $"{tag} (deprecated path {Prefix})" : tag);
        if (SuccessorPrefix is { } successor)
        {
            group.MarkDeprecated(Prefix, successor);
        }

        return group;
    }

    /// <summary>An endpoint name (and OpenAPI operationId) unique across the resource and its alias.</summary>
    public string Name(string name) => IsDeprecated ? $"{name}ViaDeprecatedPath" : name;
}
