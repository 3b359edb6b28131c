using Platform.Experiments.EdgeOffload.Model;
using Platform.Experiments.EdgeOffload.Pretrained;
using Platform.Experiments.EdgeOffload.Reporting;
using Platform.Experiments.EdgeOffload.Training;

namespace Platform.Experiments.EdgeOffload.Running;

/// <summary>
/// Trains the teacher detector (or loads it from the cache) and freezes it. On real frames the backbone is ImageNet
/// ResNet-18 read from its ONNX file and frozen, and only the neck and head are trained, on cached backbone features.
/// </summary>
internal static class TeacherPhase
{
    public static async Task<TinyDetector> RunAsync(RunScope run, Datasets data)
    {
        var p = run.Parameters;
        var teacher = new TinyDetector(run.Shape);
        var pretrained = run.Shape.Backbone == DetectorBackbone.ResNet18;
        if (pretrained)
        {
            ResNet18Onnx.Load(PretrainedFiles.Default).CopyBackboneInto(teacher);
            teacher.FreezeBackbone();
            await run.LineAsync($"Teacher backbone: ImageNet ResNet-18 (stem, layer1-3) read from {PretrainedFiles.Package}'s ONNX file, frozen.");
        }
        var key = TeacherCache.Key(Datasets.Spec(p), run.Shape, run.Seed, p.TeacherFrames, p.TeacherEpochs, p.BatchSize);
        run.UseThreads();
        if (p.CacheTeacher && await TeacherCache.Default.TryLoadAsync(key, teacher, run.CancellationToken))
        {
            await run.LineAsync($"Teacher loaded from the cache (key {key}); its training curve is in the run that trained it.");
            await run.SkipStepsAsync(p.TeacherEpochs, "teacher loaded from cache");
        }
        else
        {
            await (pretrained ? TrainHeadAsync(run, data, teacher) : TrainAsync(run, data, teacher));
            if (p.CacheTeacher)
            {
                await TeacherCache.Default.SaveAsync(key, teacher, run.CancellationToken);
            }
        }
        teacher.Freeze();
        return teacher;
    }

    private static async Task TrainHeadAsync(RunScope run, Datasets data, TinyDetector teacher)
    {
        var p = run.Parameters;
        using var features = BackboneFeatures.Compute(teacher, data.Teacher, run.CancellationToken);
        using var validation = BackboneFeatures.Compute(teacher, data.Validation, run.CancellationToken);
        await run.LineAsync($"Training the detection head on the frozen backbone's cached features of {data.Teacher.Count} frames for {p.TeacherEpochs} epochs.");
        using var trainer = new HeadTrainer(teacher, data.Teacher, features, p.BatchSize, p.TeacherEpochs, run.Seed);
        for (var epoch = 1; epoch <= p.TeacherEpochs; epoch++)
        {
            run.UseThreads();
            var loss = trainer.TrainEpoch(run.CancellationToken);
            var map = trainer.MeanAp(data.Validation, validation);
            await run.LogAsync(EdgeOffloadMetrics.TeacherLoss, epoch, loss);
            await run.LogAsync(EdgeOffloadMetrics.Series(EdgeOffloadMetrics.ValidationMap, "teacher"), epoch, map);
            await run.StepAsync($"teacher head epoch {epoch}/{p.TeacherEpochs}: loss {loss:F3}, val mAP@0.5 {map:F3}");
        }
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
