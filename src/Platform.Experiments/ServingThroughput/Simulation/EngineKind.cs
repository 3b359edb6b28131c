namespace Platform.Experiments.ServingThroughput.Simulation;

/// <summary>
/// The simulated engines: NanoFlow's non-overlap ablations (paper Fig. 9), its hand-tuned pipeline and its automatic
/// search (paper §4.1). Bound from kebab-case: <c>nanoflow-search</c>.
/// </summary>
public enum EngineKind
{
    /// <summary>One nano-batch, one stream: NanoFlow's own non-overlap ablation.</summary>
    Sequential,

    /// <summary>NanoFlow's nano-ops on one stream: the nano-batch costs without the overlap.</summary>
    NanobatchOnly,

    /// <summary>The authors' hand-tuned pipeline shape.</summary>
    NanoflowFixed,

    /// <summary>Structure and shares chosen by a search that uses the simulator as its objective.</summary>
    NanoflowSearch,
}
