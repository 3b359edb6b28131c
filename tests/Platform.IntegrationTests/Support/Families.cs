namespace Platform.IntegrationTests.Support;

/// <summary>Submission bodies for the test families.</summary>
internal static class Families
{
    public static object Counter(int points = 10, int keys = 1, int delayMs = 0, int failAtStep = -1, long seed = 7) => new
    {
        kind = CounterExperiment.KindName,
        parameters = new { points, keys, delayMs, failAtStep },
        seed,
    };

    public static object Evidence() => new { kind = EvidenceExperiment.KindName, parameters = new { } };

    public static object Blocking(double seconds = 60) => new { kind = BlockingExperiment.KindName, parameters = new { seconds } };
}
