namespace Platform.Experiments.ServingThroughput.Cpu;

/// <summary>
/// Continuous batching with a fixed token budget per iteration, as the authors' <c>Scheduler.schedule_req</c> does:
/// every decoding request gets one token, the rest of the budget goes to prompt chunks (in admission order), and new
/// requests are admitted while budget remains. At most <c>budget</c> requests are live, so decode alone never overflows.
/// </summary>
public sealed class BatchScheduler(IEnumerable<ServedRequest> requests, int budget, TinyDecoderConfig config)
{
    private readonly Queue<ServedRequest> _waiting = new(requests);
    private readonly List<ServedRequest> _running = [];

    public bool Done => _waiting.Count == 0 && _running.Count == 0;

    public IReadOnlyList<Segment> Next()
    {
        var segments = new List<Segment>();
        var left = budget;
        foreach (var request in _running.Where(r => r.PrefillDone).Take(left))
        {
            segments.Add(new Segment(request, request.Prompt.Length + request.Generated.Count - 1, [request.Generated[^1]], Samples: true));
            left--;
        }

        foreach (var request in _running.Where(r => !r.PrefillDone))
        {
            left -= AddChunk(segments, request, left);
        }

        while (left > 0 && _waiting.Count > 0 && _running.Count < budget)
        {
            var request = _waiting.Dequeue();
            request.Cache = new KvCache(config, request.Prompt.Length + request.OutputLength);
            _running.Add(request);
            left -= AddChunk(segments, request, left);
        }

        return segments;
    }

    /// <summary>Records the sampled token of each sampling segment, in batch order, and retires finished requests.</summary>
    public void Complete(IReadOnlyList<Segment> segments, IReadOnlyList<int> sampled)
    {
        var next = 0;
        foreach (var segment in segments)
        {
            var request = segment.Request;
            if (!segment.IsDecode)
            {
                request.Prefilled += segment.Tokens.Length;
            }

            if (segment.Samples)
            {
                request.Generated.Add(sampled[next++]);
            }

            if (request.Finished)
            {
                request.Cache?.Dispose();
                request.Cache = null;
                _running.Remove(request);
            }
        }
    }

    private static int AddChunk(List<Segment> segments, ServedRequest request, int left)
    {
        var chunk = Math.Min(left, request.Prompt.Length - request.Prefilled);
        if (chunk <= 0)
        {
            return 0;
        }

        var tokens = request.Prompt[request.Prefilled..(request.Prefilled + chunk)];
        segments.Add(new Segment(request, request.Prefilled, tokens, Samples: request.Prefilled + chunk == request.Prompt.Length));
        return chunk;
    }
}
