using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Platform.Core.Security;
using Platform.Web.Security;

namespace Platform.Web.Components.Pages.Admin;

public sealed partial class ApiKeysPage
{
    private ReloadableList<ApiKeyInfo> _keys = default!;
    private CreatedApiKey? _created;

    [Inject] private ApiKeyService Keys { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _keys = new ReloadableList<ApiKeyInfo>(Keys.ListAsync);
        await _keys.ReloadAsync();
    }

    private async Task OnCreatedAsync(CreatedApiKey created)
    {
        _created = created;
        await _keys.ReloadAsync();
    }

    private async Task RevokeAsync(ApiKeyInfo key)
    {
        await Keys.RevokeAsync(await Authentication.GetCallerAsync(), key.Id, CancellationToken.None);
        Snackbar.Add($"Revoked '{key.Name}'. Requests with it now get 401.", Severity.Success);
        if (_created?.Info.Id == key.Id)
        {
            _created = null;
        }

        await _keys.ReloadAsync();
    }
}
