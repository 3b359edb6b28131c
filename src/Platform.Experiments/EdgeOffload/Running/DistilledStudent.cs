using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Training;

namespace Platform.Experiments.EdgeOffload.Running;

internal sealed record DistilledStudent(DistillationMethod Method, BottleneckStudent Student)
{
    public string Name => Method.ToString().ToLowerInvariant();
}
