namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>The motor actions a simulated user performs; each costs what <see cref="ActionCosts"/> says.</summary>
public enum ActionKind
{
    /// <summary>A letter, digit or punctuation key, or a backspace.</summary>
    Keystroke,
    Space,

    /// <summary>Choosing a candidate phrase; it also speaks the phrase, so speaking is no separate action.</summary>
    SelectPhrase,

    /// <summary>Choosing a word from the keyboard's suggestion strip (it inserts the word and a space).</summary>
    SelectSuggestion,
    FillMaskSelectWord,
    FillMaskPick,
}
