namespace Platform.Experiments.TextEntry.Simulation;

/// <summary>
/// The keys it takes to turn one typed abbreviation into the next when the user edits it in place (moving the
/// cursor is free): the characters to delete plus the characters to insert, from their longest common subsequence.
/// </summary>
public static class TypingEdit
{
    public static (string Inserted, int Deleted) Between(string before, string after)
    {
        var lcs = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = before[i] == after[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var inserted = new System.Text.StringBuilder();
        int b = 0, a = 0;
        while (a < after.Length)
        {
            if (b < before.Length && before[b] == after[a])
            {
                b++;
                a++;
            }
            else if (b < before.Length && lcs[b + 1, a] >= lcs[b, a + 1])
            {
                b++;
            }
            else
            {
                inserted.Append(after[a]);
                a++;
            }
        }

        return (inserted.ToString(), before.Length - lcs[0, 0]);
    }
}
