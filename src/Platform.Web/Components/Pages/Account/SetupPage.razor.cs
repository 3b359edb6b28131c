using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Platform.Core.Security;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Account;

public sealed partial class SetupPage
{
    private SetupState _state;

    [Inject] private UserAccountService Users { get; set; } = default!;

    [Inject] private SetupToken SetupToken { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "setup")] private SetupInput? Input { get; set; }

    [SupplyParameterFromQuery(Name = "token")] private string? Token { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        _state = await Users.AnyAdminAsync(HttpContext.RequestAborted) ? SetupState.AdminExists
            : SetupToken.Matches(Token) ? SetupState.Open
            : SetupState.BadToken;
    }

    private async Task CreateAdminAsync()
    {
        if (_state != SetupState.Open)
        {
            return;
        }

        if (!await Users.CreateFirstAdminAsync(Input!.UserName, Input.Password, HttpContext.RequestAborted))
        {
            _state = SetupState.AdminExists;
            return;
        }

        var caller = new Caller(UserAccountService.OwnerOf(Input.UserName.Trim()), Input.UserName.Trim(), AccessRole.Admin);
        await HttpContext.SignInAsync(AuthSchemes.Cookie, CallerPrincipal.CreateSession(caller, Time.GetUtcNow()));
        Navigation.NavigateTo("/", forceLoad: true);
    }
}

internal enum SetupState { Open, AdminExists, BadToken }
