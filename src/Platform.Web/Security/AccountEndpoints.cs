using Microsoft.AspNetCore.Authentication;

namespace Platform.Web.Security;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with the antiforgery token (a form), so another site cannot sign a user out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/signout", SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IFormCollection form)
    {
        _ = form; // Binding the form is what makes the endpoint validate the antiforgery token.
        await context.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.LocalRedirect("/account/signin");
    }
}
