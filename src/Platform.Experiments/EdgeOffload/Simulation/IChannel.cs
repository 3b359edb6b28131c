namespace Platform.Experiments.EdgeOffload.Simulation;

/// <summary>The wireless link's data rate seen by each frame of the stream.</summary>
public interface IChannel
{
    /// <summary>Rate in Mbps for the next frame; called once per frame, in order.</summary>
    double NextRateMbps();
}
