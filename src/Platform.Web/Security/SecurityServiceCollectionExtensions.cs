using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    public const string SubmissionRateLimit = "submissions";

    /// <summary>Keys, cookies, local mode, role policies, the submission rate limit and the request body cap.</summary>
    public static IHostApplicationBuilder AddPlatformSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var security = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        if (security.LocalMode && LoopbackGuard.NonLoopbackUrls(builder.Configuration) is { Count: > 0 } exposed)
        {
            throw new InvalidOperationException(
                $"Security:LocalMode skips sign-in and is allowed only when the app listens on loopback, but it would listen on {string.Join(", ", exposed)}. " +
                "Turn LocalMode off (and use API keys and sign-in) or bind to 127.0.0.1.");
        }

        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(LimitsOptions.SectionName).Get<LimitsOptions>() ?? new LimitsOptions();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);

        services.AddAuthentication(AuthSchemes.Platform)
            .AddPolicyScheme(AuthSchemes.Platform, "Key, local mode or cookie", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.FindKey(context.Request) is { Length: > 0 } ? AuthSchemes.ApiKey
                : security.LocalMode && LocalModeAuthenticationHandler.IsLoopbackClient(context) ? AuthSchemes.Local
                : AuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, LocalModeAuthenticationHandler>(AuthSchemes.Local, null)
            .AddCookie(AuthSchemes.Cookie, ConfigureCookie);
        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddSingleton<UserSessionValidator>();
        services.AddScoped<AuthenticationStateProvider, CircuitSessionRevalidator>();
        services.AddHostedService<SetupLinkAnnouncer>();
        services.AddSingleton<SetupToken>();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o => ConfigureRateLimits(o, limits));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddPlatformDeployment(security);
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "platform.auth";
        options.Cookie.HttpOnly = true;
        // Lax keeps the cookie off cross-site POSTs (the API reads JSON whatever its content type), yet lets links in.
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/account/signin";
        options.AccessDeniedPath = "/account/denied";
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
        options.SlidingExpiration = true;
        // Without this a cookie stays good for its whole life, whatever happens to its user.
        options.Events.OnValidatePrincipal = UserSessionValidator.ValidateCookieAsync;
        options.Events.OnRedirectToLogin = context => ProblemResponses.IsApiRequest(context.Request)
            ? ProblemResponses.UnauthorizedAsync(context.HttpContext)
            : Redirect(context);
        options.Events.OnRedirectToAccessDenied = context => ProblemResponses.IsApiRequest(context.Request)
            ? ProblemResponses.ForbiddenAsync(context.HttpContext)
            : Redirect(context);
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options, LimitsOptions limits)
    {
        options.AddPolicy(SubmissionRateLimit, context => context.User.ToCaller()?.Owner is { } owner
            ? RateLimitPartition.Get(owner, _ => new SlidingLogRateLimiter(
                limits.SubmissionsPerMinute, TimeSpan.FromMinutes(1), context.RequestServices.GetRequiredService<TimeProvider>()))
            // Local mode's anonymous admin owns nothing and is not limited.
            : RateLimitPartition.GetNoLimiter("local"));
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many submissions.",
                $"At most {limits.SubmissionsPerMinute} submissions a minute per key or user; retry in {retry.TotalSeconds:0} s.");
        };
    }
}
