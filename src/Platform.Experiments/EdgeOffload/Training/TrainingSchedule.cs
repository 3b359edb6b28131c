using TorchSharp;
using Platform.Experiments.Torch;

namespace Platform.Experiments.EdgeOffload.Training;

/// <summary>
/// Adam with the learning rate cut by 10 at one third and two thirds of the epochs, the shape of the paper's
/// schedule (20 epochs, steps at 5 and 15) shrunk to a few epochs.
/// </summary>
internal static class TrainingSchedule
{
    public static (torch.optim.Optimizer Optimizer, torch.optim.lr_scheduler.LRScheduler Scheduler) Adam(
        IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, int epochs)
    {
        var optimizer = ScalarSafeAdam.Adam(parameters, learningRate);
        int[] milestones = [(int)Math.Ceiling(epochs / 3.0), (int)Math.Ceiling(2 * epochs / 3.0)];
        var scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, [.. milestones.Where(m => m < epochs).Distinct()], 0.1);
        return (optimizer, scheduler);
    }
}
