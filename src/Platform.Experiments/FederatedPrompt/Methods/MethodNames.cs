namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>The method keys users select; they are also the series of every per-method metric.</summary>
public static class MethodNames
{
    public const string FlFull = "fl-full";
    public const string FlPrompt = "fl-prompt";
    public const string SflFull = "sfl-full";
    public const string SfPrompt = "sfprompt";
    public const string SfPromptNoPrune = "sfprompt-noprune";
    public const string SfPromptNoLocal = "sfprompt-nolocal";
    public const string SfPromptRandom = "sfprompt-random";

    public static IReadOnlyList<string> All { get; } =
        [FlFull, FlPrompt, SflFull, SfPrompt, SfPromptNoPrune, SfPromptNoLocal, SfPromptRandom];
}
