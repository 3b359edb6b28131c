namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>Where the detector runs and what crosses the link.</summary>
public enum Strategy
{
    /// <summary>Local computing: the whole teacher on the device, nothing sent.</summary>
    Local,

    /// <summary>Edge computing: the frame as JPEG, the teacher on the server.</summary>
    Edge,

    /// <summary>Split computing: stem and bottleneck encoder on the device, the quantised code sent, the rest on the server.</summary>
    Split,

    /// <summary>Split computing with the neural filter: frames judged empty never leave the device.</summary>
    SplitFiltered,

    /// <summary>The teacher split at L1 with no bottleneck: its float32 L1 output is sent.</summary>
    NaiveSplit,
}
