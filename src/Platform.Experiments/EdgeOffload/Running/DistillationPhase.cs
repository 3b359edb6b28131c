using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Reporting;
using Platform.Experiments.EdgeOffload.Training;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>Injects a bottleneck into the frozen teacher and trains one student per distillation method.</summary>
internal static class DistillationPhase
{
    public static async Task<IReadOnlyList<DistilledStudent>> RunAsync(RunScope run, Datasets data, TinyDetector teacher)
    {
        var p = run.Parameters;
        var students = new List<DistilledStudent>();
        foreach (var name in p.DistillMethods)
        {
            var method = Enum.Parse<DistillationMethod>(name, ignoreCase: true);
            run.UseThreads();
            var student = new DistilledStudent(method, new BottleneckStudent(teacher, p.BottleneckChannels));
            await run.LineAsync($"Distilling a c={p.BottleneckChannels} bottleneck by {name.ToUpperInvariant()} on {data.Distill.Count} unlabelled frames.");
            using var distiller = new Distiller(teacher, student.Student, method, data.Distill, p.BatchSize, p.DistillEpochs, run.Seed + 7);
            for (var epoch = 1; epoch <= p.DistillEpochs; epoch++)
            {
                run.UseThreads();
                var loss = distiller.TrainEpoch(run.CancellationToken);
                var map = Detections.MeanAp(data.Validation,
                    Detections.Run(student.Student.forward, data.Validation, p.Classes, 64, run.CancellationToken), p.Classes);
                await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.DistillLoss, student.Name), epoch, loss);
                await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.ValidationMap, student.Name), epoch, map);
                await run.StepAsync($"{name.ToUpperInvariant()} epoch {epoch}/{p.DistillEpochs}: loss {loss:G3}/element, val mAP@0.5 {map:F3}");
            }
            students.Add(student);
        }
        return students;
    }
}
