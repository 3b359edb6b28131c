namespace Platform.Experiments.Contract.Evidence;

/// <summary>
/// The points at which a claim is re-evaluated over its assumptions: the assumed values, each assumption alone at the
/// ends of its range (one-at-a-time: what the claim is sensitive to), every corner while there are few enough, and a
/// Latin-hypercube sample of the interior (a claim need not be monotone in its assumptions). Evaluate a family's cheap
/// model once per point, then <see cref="Summarise"/> each claim from the values: an expensive simulation serves every
/// claim it feeds.
/// </summary>
public sealed class AssumptionDesign
{
    /// <summary>Up to this many assumptions every corner is evaluated (2^6 = 64 points); beyond it the sample covers them.</summary>
    public const int MaxAssumptionsForCorners = 6;

    /// <summary>A one-at-a-time swing smaller than this share of the claim's whole range does not make it "sensitive".</summary>
    private const double NegligibleSwing = 0.1;

    private AssumptionDesign(IReadOnlyList<Assumption> assumptions, IReadOnlyList<AssumptionPoint> points)
    {
        Assumptions = assumptions;
        Points = points;
    }

    public IReadOnlyList<Assumption> Assumptions { get; }

    /// <summary>The points, the assumed one first.</summary>
    public IReadOnlyList<AssumptionPoint> Points { get; }

    public static AssumptionDesign Build(IReadOnlyList<Assumption> assumptions, int interiorSamples = 16, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(interiorSamples);
        if (assumptions.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != assumptions.Count)
        {
            throw new ArgumentException("Assumption names must be unique.", nameof(assumptions));
        }

        var assumed = assumptions.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        var points = new List<AssumptionPoint> { new(assumed, null, isAssumed: true) };
        foreach (var a in assumptions)
        {
            points.Add(new AssumptionPoint(With(assumed, a.Name, a.Low), a.Name, isAssumed: false));
            points.Add(new AssumptionPoint(With(assumed, a.Name, a.High), a.Name, isAssumed: false));
        }

        if (assumptions.Count is > 1 and <= MaxAssumptionsForCorners)
        {
            points.AddRange(Corners(assumptions).Select(c => new AssumptionPoint(c, null, isAssumed: false)));
        }

        if (assumptions.Count > 0)
        {
            points.AddRange(LatinHypercube(assumptions, interiorSamples, seed).Select(s => new AssumptionPoint(s, null, isAssumed: false)));
        }

        return new AssumptionDesign(assumptions, points);
    }

    /// <summary>Evaluates one claim at every point (convenient when the claim's model is cheap).</summary>
    public ClaimEvidence Evaluate(Func<AssumptionPoint, double> measure, Bounds? band = null) =>
        Summarise(Points.Select(measure).ToList(), band);

    /// <summary>
    /// One claim's evidence from its value at each point (in <see cref="Points"/> order). Sensitive assumptions: first
    /// those that alone move the claim across an edge of the band (they decide the verdict), then those whose swing is
    /// at least a tenth of the whole range, each group by swing, largest first.
    /// </summary>
    public ClaimEvidence Summarise(IReadOnlyList<double> values, Bounds? band = null)
    {
        if (values.Count != Points.Count)
        {
            throw new ArgumentException($"Expected one value per point ({Points.Count}), got {values.Count}.", nameof(values));
        }

        var measured = values[0];
        if (!double.IsFinite(measured))
        {
            throw new ArgumentException("The claim has no finite value at the assumed constants.", nameof(values));
        }

        // A point where the model diverges says nothing about where the claim lies; the finite points bound it.
        var range = Bounds.Of(values.Where(double.IsFinite))!.Value;
        var swings = Assumptions.Select(a => (a.Name, Range: SwingOf(a.Name, values, measured))).ToList();
        var deciding = band is { } b
            ? swings.Where(s => Verdicts.Judge(s.Range, b) == ClaimVerdict.Inconclusive && Verdicts.Judge(range, b) == ClaimVerdict.Inconclusive)
                .OrderByDescending(s => s.Range.Width).Select(s => s.Name).ToList()
            : [];
        var large = swings.Where(s => s.Range.Width > 0 && s.Range.Width >= NegligibleSwing * range.Width && !deciding.Contains(s.Name))
            .OrderByDescending(s => s.Range.Width).Select(s => s.Name);
        return new ClaimEvidence(measured, range, [.. deciding, .. large]);
    }

    private Bounds SwingOf(string name, IReadOnlyList<double> values, double measured)
    {
        var own = Points.Select((p, i) => (p, i)).Where(x => x.p.Varied == name).Select(x => values[x.i]).Append(measured);
        return Bounds.Of(own.Where(double.IsFinite))!.Value;
    }

    private static Dictionary<string, double> With(IReadOnlyDictionary<string, double> values, string name, double value) =>
        new(values, StringComparer.Ordinal) { [name] = value };

    private static IEnumerable<Dictionary<string, double>> Corners(IReadOnlyList<Assumption> assumptions)
    {
        for (var mask = 0; mask < 1 << assumptions.Count; mask++)
        {
            yield return assumptions.Select((a, i) => (a.Name, Value: (mask & (1 << i)) != 0 ? a.High : a.Low))
                .ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
        }
    }

    // One stratum per sample in every dimension, strata shuffled independently: the sample covers each range evenly.
    private static IEnumerable<Dictionary<string, double>> LatinHypercube(IReadOnlyList<Assumption> assumptions, int samples, int seed)
    {
        var random = new Random(seed);
        var strata = assumptions.Select(_ => Shuffled(samples, random)).ToList();
        for (var s = 0; s < samples; s++)
        {
            yield return assumptions.Select((a, i) => (a.Name, Value: a.Low + ((strata[i][s] + random.NextDouble()) / samples * (a.High - a.Low))))
                .ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
        }
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }
}
