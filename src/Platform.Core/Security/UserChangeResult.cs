namespace Platform.Core.Security;

public enum UserChangeOutcome
{
    Done,
    NotFound,
    NameTaken,
    Invalid,
    /// <summary>The change would leave no enabled admin.</summary>
    LastAdmin,
    /// <summary>The caller is not an admin.</summary>
    NotAllowed,
}

/// <summary>What became of a change to a user, with a sentence for the person who asked when it did not happen.</summary>
public sealed record UserChangeResult(UserChangeOutcome Outcome, string? Error = null)
{
    public static readonly UserChangeResult Done = new(UserChangeOutcome.Done);

    public bool Succeeded => Outcome == UserChangeOutcome.Done;

    internal static UserChangeResult NotFound { get; } = new(UserChangeOutcome.NotFound, "There is no such user any more.");

    internal static UserChangeResult NotAllowed { get; } = new(UserChangeOutcome.NotAllowed, "Only admins manage users.");

    internal static UserChangeResult NameTaken(string userName) => new(UserChangeOutcome.NameTaken, $"There is already a user '{userName}'.");

    internal static UserChangeResult Invalid(string error) => new(UserChangeOutcome.Invalid, error);

    internal static UserChangeResult LastAdmin(string userName, string change) => new(UserChangeOutcome.LastAdmin,
        $"'{userName}' is the last enabled admin and cannot be {change}: make another user an admin first.");
}
