namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>The motor actions of one phrase, in order, with their total cost.</summary>
public sealed class ActionLog(ActionCosts costs, TypingNoise? noise = null)
{
    private readonly List<ActionKind> _actions = [];

    public IReadOnlyList<ActionKind> Actions => _actions;

    public double Cost { get; private set; }

    public int Count(ActionKind kind) => _actions.Count(a => a == kind);

    public void Add(ActionKind kind, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _actions.Add(kind);
            Cost += costs.Of(kind);
        }
    }

    /// <summary>Types one character: a space or a key, plus any backspace-and-retry the typing noise forces.</summary>
    public void Type(char c)
    {
        if (c == ' ')
        {
            Add(ActionKind.Space);
            return;
        }

        Add(ActionKind.Keystroke, 1 + (noise?.CorrectionKeystrokes(c) ?? 0));
    }

    public void Type(string text)
    {
        foreach (var c in text)
        {
            Type(c);
        }
    }
}
