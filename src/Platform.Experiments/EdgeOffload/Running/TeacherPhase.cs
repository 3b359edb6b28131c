using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Reporting;
using Platform.Experiments.EdgeOffload.Training;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>Trains the teacher detector (or loads it from the cache) and freezes it.</summary>
internal static class TeacherPhase
{
    public static async Task<TinyDetector> RunAsync(RunScope run, Datasets data)
    {
        var p = run.Parameters;
        var teacher = new TinyDetector(run.Shape);
        var key = TeacherCache.Key(Datasets.Spec(p), run.Shape, run.Seed, p.TeacherFrames, p.TeacherEpochs, p.BatchSize);
        run.UseThreads();
        if (p.CacheTeacher && await TeacherCache.Default.TryLoadAsync(key, teacher, run.CancellationToken))
        {
            await run.LineAsync($"Teacher loaded from the cache (key {key}); its training curve is in the run that trained it.");
            await run.SkipStepsAsync(p.TeacherEpochs, "teacher loaded from cache");
        }
        else
        {
            await TrainAsync(run, data, teacher);
            if (p.CacheTeacher)
            {
                await TeacherCache.Default.SaveAsync(key, teacher, run.CancellationToken);
            }
        }
        teacher.Freeze();
        return teacher;
    }

    private static async Task TrainAsync(RunScope run, Datasets data, TinyDetector teacher)
    {
        var p = run.Parameters;
        await run.LineAsync($"Training the teacher on {data.Teacher.Count} frames for {p.TeacherEpochs} epochs.");
        using var trainer = new TeacherTrainer(teacher, data.Teacher, p.BatchSize, p.TeacherEpochs, run.Seed);
        for (var epoch = 1; epoch <= p.TeacherEpochs; epoch++)
        {
            run.UseThreads();
            var loss = trainer.TrainEpoch(run.CancellationToken);
            var map = Detections.MeanAp(data.Validation,
                Detections.Run(teacher.forward, data.Validation, p.Classes, 64, run.CancellationToken), p.Classes);
            await run.LogAsync(EdgeOffloadMetrics.TeacherLoss, epoch, loss);
            await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.ValidationMap, "teacher"), epoch, map);
            await run.StepAsync($"teacher epoch {epoch}/{p.TeacherEpochs}: loss {loss:F3}, val mAP@0.5 {map:F3}");
        }
    }
}
