namespace Platform.Web.Components.Pages.Admin;

/// <summary>
/// A list an admin page shows, read again after every change, and whether a read is under way (the table's loading
/// bar).
/// </summary>
internal sealed class ReloadableList<T>(Func<CancellationToken, Task<IReadOnlyList<T>>> read)
{
    public IReadOnlyList<T> Items { get; private set; } = [];

    public bool Loading { get; private set; } = true;

    public async Task ReloadAsync()
    {
        Loading = true;
        try
        {
            Items = await read(CancellationToken.None);
        }
        finally
        {
            Loading = false;
        }
    }
}
