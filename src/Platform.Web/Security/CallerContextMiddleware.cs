using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>Sets <see cref="CurrentCaller"/> for the rest of the request from the authenticated principal.</summary>
internal static class CallerContextMiddleware
{
    /// <summary>Someone not signed in: may read at most (and the endpoints themselves refuse anonymous reads).</summary>
    public static readonly Caller Anonymous = new(null, "anonymous", AccessRole.Viewer);

    public static IApplicationBuilder UseCallerContext(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        CurrentCaller.Value = context.User.ToCaller() ?? Anonymous;
        await next(context);
    });
}
