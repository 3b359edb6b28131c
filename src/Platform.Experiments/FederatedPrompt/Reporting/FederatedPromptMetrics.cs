namespace Platform.Experiments.FederatedPrompt.Reporting;

/// <summary>
/// Metric keys. Per-method keys are <c>group/method</c> so each panel draws one curve per method; the step is the
/// round unless stated. Units are in the doc comments.
/// </summary>
public static class FederatedPromptMetrics
{
    /// <summary>Global test accuracy, %.</summary>
    public const string Accuracy = "accuracy";

    /// <summary>Global test cross-entropy.</summary>
    public const string TestLoss = "test-loss";

    /// <summary>Mean training loss of the round's main phase (local epochs, or split training).</summary>
    public const string TrainLoss = "train-loss";

    /// <summary>Mean loss of SFPrompt's local-loss phase (head to tail).</summary>
    public const string LocalLoss = "local-loss";

    /// <summary>MB (10^6 bytes) sent up / down per participating client in the round.</summary>
    public const string MbUpPerClient = "mb-up-per-client";
    public const string MbDownPerClient = "mb-down-per-client";

    /// <summary>MB sent in both directions by all clients since the start.</summary>
    public const string CumulativeMb = "cumulative-mb";

    /// <summary>Global test accuracy, %, with the step = cumulative kB sent so far (accuracy per byte).</summary>
    public const string AccuracyVsKb = "accuracy-vs-kb";

    /// <summary>Client and server GFLOPs of the round (all participating clients).</summary>
    public const string ClientGflops = "client-gflops";
    public const string ServerGflops = "server-gflops";

    /// <summary>The clients' share of the method's cumulative compute, %.</summary>
    public const string ClientShare = "client-share";

    /// <summary>Mean samples kept per client by pruning, and EL2N mean / 10th / 90th percentile of the round.</summary>
    public const string KeptPerClient = "kept-per-client";
    public const string El2nMean = "el2n-mean";
    public const string El2nP10 = "el2n-p10";
    public const string El2nP90 = "el2n-p90";

    /// <summary>Lowest and highest accuracy, %, of the global model under one client's label distribution.</summary>
    public const string ClientAccuracyMin = "client-accuracy-min";
    public const string ClientAccuracyMax = "client-accuracy-max";

    /// <summary>Pre-training: mean loss and held-out source accuracy (%) per epoch (step = epoch).</summary>
    public const string PretrainLoss = "pretrain/loss";
    public const string PretrainAccuracy = "pretrain/source-accuracy";

    /// <summary>Sweep only (step = samples per client): MB per client per round and final accuracy, %.</summary>
    public const string SweepMbPerClientRound = "sweep-mb-per-client-round";
    public const string SweepAccuracy = "sweep-accuracy";

    /// <summary><c>group/method</c>.</summary>
    public static string Of(string group, string method) => group + "/" + method;

    /// <summary>Bytes of one direction and kind in the round, MB (step = round).</summary>
    public static string MbByKind(string method, string series) => $"mb-by-kind.{method}/{series}";

    /// <summary>Wall seconds of one phase in the round.</summary>
    public static string PhaseSeconds(string method, string phase) => $"phase-seconds.{method}/{phase}";
}
