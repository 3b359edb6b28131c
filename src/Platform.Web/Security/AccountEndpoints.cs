using Microsoft.AspNetCore.Authentication;
using Platform.Core.Security;

namespace Platform.Web.Security;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with the antiforgery token (a form), so another site cannot sign a user out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/signout", SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IFormCollection form, UserAccountService users)
    {
        _ = form; // Binding the form is what makes the endpoint validate the antiforgery token.
        if (context.User.ToCaller()?.Owner is { } owner && UserAccountService.UserNameOf(owner) is { } userName)
        {
            await users.EndSessionsAsync(userName, context.RequestAborted);
        }

        await context.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.LocalRedirect("/account/signin");
    }
}
