using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Platform.Core.Security;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Account;

public sealed partial class SignInPage
{
    private string? _error;

    [Inject] private UserAccountService Users { get; set; } = default!;

    [Inject] private SignInThrottle Throttle { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Inject] private IOptions<SecurityOptions> Security { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "signin")] private SignInInput? Input { get; set; }

    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    protected override void OnInitialized() => Input ??= new();

    private bool LocalMode => Security.Value.LocalMode;

    private async Task SignInAsync()
    {
        // Counted before the password is checked, atomically, so concurrent guesses cannot slip past the limit.
        if (Throttle.TryBegin(Input!.UserName, HttpContext.Connection.RemoteIpAddress, out var wait) is not { } attempt)
        {
            // Refused before the password is even checked, so guessing gains nothing while held back.
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _error = $"Too many sign-ins from this address. Try again in {FormatWait(seconds)}.";
            return;
        }

        if (attempt.Delay > TimeSpan.Zero)
        {
            await Task.Delay(attempt.Delay, Time, HttpContext.RequestAborted);
        }

        // Taken before the check: a password reset while the (slow) check runs ends this session too.
        var signedInAt = Time.GetUtcNow();
        var caller = await Users.VerifyAsync(Input.UserName, Input.Password, HttpContext.RequestAborted);
        if (caller is null)
        {
            // One message for both cases, so the form does not tell which user names exist.
            _error = "Unknown user name or wrong password.";
            return;
        }

        Throttle.Succeeded(attempt);
        await HttpContext.SignInAsync(AuthSchemes.Cookie, CallerPrincipal.CreateSession(caller, signedInAt));
        Navigation.NavigateTo(Account.ReturnUrl.Safe(ReturnUrl), forceLoad: true);
    }

    private static string FormatWait(int seconds) => seconds < 90 ? $"{seconds} s" : $"{(seconds + 59) / 60} min";
}
