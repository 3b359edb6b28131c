using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Core.Security;

namespace Platform.Web.Components.Pages.Admin;

public sealed partial class ApiKeysPage
{
    private IReadOnlyList<ApiKeyInfo> _keys = [];
    private CreatedApiKey? _created;
    private bool _loading = true;

    [Inject] private ApiKeyService Keys { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync()
    {
        _loading = true;
        try
        {
            _keys = await Keys.ListAsync(CancellationToken.None);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task OnCreatedAsync(CreatedApiKey created)
    {
        _created = created;
        await ReloadAsync();
    }

    private async Task RevokeAsync(ApiKeyInfo key)
    {
        await Keys.RevokeAsync(key.Id, CancellationToken.None);
        Snackbar.Add($"Revoked '{key.Name}'. Requests with it now get 401.", Severity.Success);
        if (_created?.Info.Id == key.Id)
        {
            _created = null;
        }

        await ReloadAsync();
    }
}
