namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// Gaze misclicks as in the NAACL paper: the gaze lands at the intended key's centre plus isotropic Gaussian noise
/// (σ in key widths) on a 3×10 grid of unit QWERTY keys; σ = 0.3 gives about 13% wrong letters, 0.5 about 44%.
/// Here the simulated user notices a wrong letter and fixes it with a backspace and a retry (which can miss again),
/// so noise costs keystrokes rather than corrupting the input. Keys off the letter grid are never missed.
/// </summary>
public sealed class TypingNoise(double sigma, Random random)
{
    private static readonly string[] s_rows = ["qwertyuiop", "asdfghjkl;", "zxcvbnm,./"];

    public double Sigma => sigma;

    /// <summary>The extra keystrokes it took to get <paramref name="key"/> typed right (0 when the first try lands).</summary>
    public int CorrectionKeystrokes(char key)
    {
        if (sigma <= 0 || !TryLocate(key, out var row, out var column))
        {
            return 0;
        }

        var extra = 0;
        // Each retry is another independent landing; the cap only guards absurd sigmas.
        while (extra < 40 && Misses(row, column))
        {
            extra += 2;
        }

        return extra;
    }

    private bool Misses(int row, int column)
    {
        var (dx, dy) = Gaussian();
        var hitRow = (int)Math.Floor(row + 0.5 + dy * sigma);
        var hitColumn = (int)Math.Floor(column + 0.5 + dx * sigma);
        return hitRow != row || hitColumn != column;
    }

    private (double, double) Gaussian()
    {
        // Box–Muller: two independent standard normals from two uniforms.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var radius = Math.Sqrt(-2 * Math.Log(u1));
        return (radius * Math.Cos(2 * Math.PI * u2), radius * Math.Sin(2 * Math.PI * u2));
    }

    private static bool TryLocate(char key, out int row, out int column)
    {
        for (row = 0; row < s_rows.Length; row++)
        {
            column = s_rows[row].IndexOf(key, StringComparison.Ordinal);
            if (column >= 0)
            {
                return true;
            }
        }

        row = column = -1;
        return false;
    }
}
