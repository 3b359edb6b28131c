using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Core.Security;
using Platform.Web.Components.Pages.Admin.Components;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Admin;

public sealed partial class UsersPage
{
    private ReloadableList<UserAccountInfo> _users = default!;
    private string? _currentUserName;
    private bool _busy;

    [Inject] private UserAccountService Users { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var caller = (await Authentication.GetAuthenticationStateAsync()).User.ToCaller();
        _currentUserName = caller?.Owner is { } owner ? UserAccountService.UserNameOf(owner) : null;
        _users = new ReloadableList<UserAccountInfo>(Users.ListAsync);
        await _users.ReloadAsync();
    }

    private async Task OnCreatedAsync(string userName)
    {
        await _users.ReloadAsync();
        Snackbar.Add($"Added '{userName}'. They can sign in now.", Severity.Success);
    }

    private Task ChangeRoleAsync((UserAccountInfo User, AccessRole Role) change) =>
        ApplyAsync(caller => Users.ChangeRoleAsync(caller, change.User.Id, change.Role, CancellationToken.None),
            $"'{change.User.UserName}' is now {Article(change.Role)} {Policies.RoleName(change.Role)}.");

    private Task ToggleDisabledAsync(UserAccountInfo user) => user.IsDisabled
        ? ApplyAsync(caller => Users.EnableAsync(caller, user.Id, CancellationToken.None), $"'{user.UserName}' can sign in again.")
        : ApplyAsync(caller => Users.DisableAsync(caller, user.Id, CancellationToken.None), $"'{user.UserName}' is disabled: they cannot sign in, and their sessions have ended.");

    private async Task ResetPasswordAsync(UserAccountInfo user)
    {
        var dialog = await Dialogs.ShowAsync<ResetPasswordDialog>("Reset password", new DialogParameters<ResetPasswordDialog>
        {
            { d => d.User, user },
            { d => d.IsSelf, user.UserName == _currentUserName },
        }, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"New password set for '{user.UserName}'; their sessions have ended.", Severity.Success);
        }
    }

    private async Task DeleteAsync(UserAccountInfo user)
    {
        var dialog = await Dialogs.ShowAsync<DeleteUserDialog>("Delete user",
            new DialogParameters<DeleteUserDialog> { { d => d.UserName, user.UserName } });
        if (await dialog.Result is { Canceled: false })
        {
            await ApplyAsync(caller => Users.DeleteAsync(caller, user.Id, CancellationToken.None), $"Deleted '{user.UserName}'.");
        }
    }

    /// <summary>Runs one change with the controls off, says how it went, and shows the list as it now is.</summary>
    private async Task ApplyAsync(Func<Caller, Task<UserChangeResult>> changeAsync, string success)
    {
        _busy = true;
        try
        {
            var result = await changeAsync(await Authentication.GetCallerAsync());
            // Also after a refusal: a role select shows the role the user still has.
            await _users.ReloadAsync();
            Snackbar.Add(result.Succeeded ? success : result.Error ?? result.Outcome.ToString(), result.Succeeded ? Severity.Success : Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string Article(AccessRole role) => role == AccessRole.Admin ? "an" : "a";
}
