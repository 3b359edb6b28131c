using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Security;

public sealed partial class UserAccountService
{
    /// <summary>
    /// The role a session of <paramref name="userName"/> that began at <paramref name="signedInAt"/> has now, or null
    /// when the session has ended: the user was deleted or is disabled, or the session began before the account was
    /// created (an earlier user of that name) or before its sessions were revoked (a password reset or disabling, even
    /// if enabled since). Cheap enough for every request: the answer comes from a short cache that this service clears
    /// whenever it changes a user.
    /// </summary>
    public async Task<AccessRole?> CheckSessionAsync(string userName, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        var state = await _sessions.GetAsync(userName, LoadSessionStateAsync, cancellationToken);
        // Sign-in times travel in whole seconds, so a session begun in the same second as a reset is still valid.
        return state is null || state.Disabled || signedInAt < WholeSeconds(state.SessionsValidFrom) ? null : state.Role;
    }

    /// <summary>
    /// Signing out: ends the user's sessions on the server, so a copy of the cookie (another tab, a stolen one) is
    /// refused from now on, not only the browser's own copy deleted. Sessions are not told apart, so this signs the
    /// user out everywhere. Counted from the next whole second, as sign-in times are.
    /// </summary>
    public async Task EndSessionsAsync(string userName, CancellationToken cancellationToken)
    {
        var endedUntil = WholeSeconds(time.GetUtcNow()).AddSeconds(1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.UserName == userName)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.SessionsRevokedAt, endedUntil), cancellationToken);
        _sessions.Forget(userName);
    }

    private async Task<UserSessionState?> LoadSessionStateAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        return user is null ? null : UserSessionState.From(user);
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
