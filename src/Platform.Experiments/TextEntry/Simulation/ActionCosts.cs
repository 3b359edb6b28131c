namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>What each motor action costs, in keystroke equivalents (1 each by default, as in the paper's count).</summary>
public sealed record ActionCosts(double Keystroke = 1, double Space = 1, double Select = 1, double FillMaskSelectWord = 1, double FillMaskPick = 1)
{
    public double Of(ActionKind kind) => kind switch
    {
        ActionKind.Keystroke => Keystroke,
        ActionKind.Space => Space,
        ActionKind.SelectPhrase or ActionKind.SelectSuggestion => Select,
        ActionKind.FillMaskSelectWord => FillMaskSelectWord,
        ActionKind.FillMaskPick => FillMaskPick,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
