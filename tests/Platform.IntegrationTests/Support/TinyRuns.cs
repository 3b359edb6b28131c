namespace Platform.IntegrationTests.Support;

/// <summary>
/// One run per family at the smallest shapes that still exercise its whole path (training, simulation, claims,
/// charts): seconds each through the real queue, for the tests that need a real family rather than a test one.
/// </summary>
internal static class TinyRuns
{
    public static object Of(string kind) => kind switch
    {
        "comm-overlap" => new
        {
            kind,
            parameters = new { models = new[] { "t-nlg" }, sublayers = new[] { "op", "fc2" }, tpDegrees = new[] { 8 }, tokens = 1024, ganttSublayer = "op", assumptionSamples = 0 },
        },
        "serving-throughput" => new
        {
            kind,
            parameters = new { mode = "simulate", denseBatch = 1024, engines = new[] { "sequential", "nanoflow-search" }, searchCandidates = 30, paperComparison = false },
        },
        "edge-offload" => new
        {
            kind,
            seed = 5,
            parameters = new
            {
                imageSize = 32, teacherFrames = 48, teacherEpochs = 1, cacheTeacher = false, distillFrames = 32, distillEpochs = 1,
                filterFrames = 32, filterEpochs = 1, validationFrames = 16, streamFrames = 16, timingFrames = 3,
                ratesMbps = new[] { 0.5, 5.0 }, gilbertElliott = false,
            },
        },
        "federated-prompt" => new
        {
            kind,
            seed = 21,
            parameters = new
            {
                methods = new[] { "fl-full", "sfprompt" }, modelPreset = "custom", width = 32, depth = 2, heads = 2, promptTokens = 4,
                pretrainImages = 200, pretrainEpochs = 1, clients = 3, clientsPerRound = 2, samplesPerClient = 16, rounds = 2,
                testImages = 50, batchSize = 8,
            },
        },
        "text-entry" => new
        {
            kind,
            seed = 5,
            parameters = new
            {
                modelType = "gru", dialogues = 80, testPhrases = 8, runAblations = false, bootstrapSamples = 200, beamWidth = 8,
                gruEmbeddingSize = 16, gruHiddenSize = 32, gruEpochs = 2,
            },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No tiny run is declared for this family."),
    };
}
