using Platform.Experiments.Torch;
using Platform.Experiments.TextEntry.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.TextEntry.Neural;

/// <summary>
/// Trains a <see cref="GruNetwork"/> on dialogue streams by next-word cross-entropy with Adam, a shuffled batch of
/// whole dialogues at a time. The jump from one turn's &lt;/s&gt; to the next &lt;s&gt; is not a prediction (every
/// turn starts so), so it is left out of the loss, as is the padding. Dialogues are sometimes cut to start at a later
/// turn, so the model learns to begin mid-conversation too.
/// </summary>
public static class GruTrainer
{
    private const long Ignored = -100;
    private const double MaxGradientNorm = 1.0;

    /// <summary>Called after each epoch with its number (from 1) and mean loss in nats per predicted word.</summary>
    public delegate Task EpochDoneAsync(int epoch, double loss);

    public static async Task<GruNetwork> TrainAsync(
        IReadOnlyList<int[]> streams, GruShape shape, GruTrainingSettings settings, Random random,
        EpochDoneAsync onEpochAsync, CancellationToken cancellationToken)
    {
        var network = new GruNetwork(shape);
        try
        {
            using var optimizer = ScalarSafeAdam.Adam(network.parameters(), settings.LearningRate);
            var order = streams.Where(s => s.Length > 1).ToArray();
            for (var epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                TorchRuntime.UseThreads(settings.Threads);
                network.train();
                random.Shuffle(order);
                var (lossSum, predicted) = (0.0, 0L);
                for (var start = 0; start < order.Length; start += settings.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var batch = order.Skip(start).Take(settings.BatchSize).Select(stream => Crop(stream, random)).ToArray();
                    var (inputs, targets, count) = Batch(batch);
                    if (count == 0)
                    {
                        continue;
                    }

                    optimizer.zero_grad();
                    var (logits, _) = network.forward(inputs, null);
                    var loss = nn.functional.cross_entropy(logits.reshape(-1, shape.Vocabulary), targets, ignore_index: Ignored);
                    loss.backward();
                    nn.utils.clip_grad_norm_(network.parameters(), MaxGradientNorm);
                    optimizer.step();
                    lossSum += loss.item<float>() * count;
                    predicted += count;
                }

                await onEpochAsync(epoch, predicted == 0 ? double.NaN : lossSum / predicted);
            }

            network.eval();
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Half the time, the dialogue from a random turn on. Without this every turn but the first would come after
    /// the turns before it, and the model would meet a later turn with no context (the no-context ablation, or a
    /// try-it query without a partner turn) only at test time.
    /// </summary>
    private static int[] Crop(int[] stream, Random random)
    {
        if (random.NextDouble() < 0.5)
        {
            return stream;
        }

        var starts = Enumerable.Range(0, stream.Length).Where(i => stream[i] == Vocabulary.StartOfSentence).ToArray();
        return stream[starts[random.Next(starts.Length)]..];
    }

    /// <summary>Inputs [batch, time] padded with &lt;unk&gt;, flat targets with the ignored positions, and how many count.</summary>
    private static (Tensor Inputs, Tensor Targets, long Count) Batch(ReadOnlySpan<int[]> streams)
    {
        var time = 0;
        foreach (var stream in streams)
        {
            time = Math.Max(time, stream.Length - 1);
        }

        var inputs = new long[streams.Length * time];
        var targets = new long[streams.Length * time];
        Array.Fill(targets, Ignored);
        var count = 0L;
        for (var b = 0; b < streams.Length; b++)
        {
            var stream = streams[b];
            for (var t = 0; t + 1 < stream.Length; t++)
            {
                inputs[b * time + t] = stream[t];
                if (stream[t + 1] != Vocabulary.StartOfSentence)
                {
                    targets[b * time + t] = stream[t + 1];
                    count++;
                }
            }
        }

        return (tensor(inputs, [streams.Length, time]), tensor(targets), count);
    }
}
