namespace Platform.Core.Security;

/// <summary>
/// Each user's <see cref="UserSessionState"/> for a short while, so checking a session on every request does not
/// query the database each time. <see cref="UserAccountService"/> forgets a user whenever it changes one, so changes
/// made by this process apply at once; changes made by another process apply within <see cref="Lifetime"/>.
/// </summary>
internal sealed class UserSessionCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (UserSessionState? State, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<UserSessionState?> GetAsync(string userName, Func<string, CancellationToken, Task<UserSessionState?>> loadAsync, CancellationToken cancellationToken)
    {
        long generation;
        lock (_lock)
        {
            if (_entries.TryGetValue(userName, out var entry) && entry.Until > time.GetUtcNow())
            {
                return entry.State;
            }

            generation = _generation;
        }

        var state = await loadAsync(userName, cancellationToken);
        lock (_lock)
        {
            // A change was forgotten while this load ran, and the load may have read the row before it: do not keep it.
            if (_generation == generation)
            {
                _entries[userName] = (state, time.GetUtcNow() + Lifetime);
            }
        }

        return state;
    }

    public void Forget(string userName)
    {
        lock (_lock)
        {
            _generation++;
            _entries.Remove(userName);
        }
    }
}
