using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Experiments.Torch;

/// <summary>
/// Adam (and AdamW's decoupled weight decay) whose step holds every <see cref="Scalar"/> it passes to LibTorch until
/// the step ends. TorchSharp 0.107's own step converts doubles to scalars inline (<c>exp_avg.mul_(beta1)</c>); such a
/// temporary is unreachable once its handle is read, so a collection during the native call can let its finalizer
/// free it mid-call, and LibTorch then fails with "Unknown scalar type" (seen once in the federated-prompt resume
/// test). The update is the textbook one (Kingma and Ba, with bias correction); the state is TorchSharp's, so
/// schedulers and state dictionaries work unchanged.
/// </summary>
public sealed class ScalarSafeAdam : Adam
{
    private readonly bool _decoupledDecay;

    // TorchSharp's optim.Adam and optim.AdamW factories default beta2 to 0.999, as PyTorch does; kept, so that runs
    // queued before this type existed reproduce.
    private const double Beta2 = 0.999;

    private ScalarSafeAdam(IEnumerable<Parameter> parameters, double learningRate, double weightDecay, bool decoupledDecay)
        : base(parameters, learningRate, beta2: Beta2, weight_decay: weightDecay)
    {
        _decoupledDecay = decoupledDecay;
    }

    /// <summary>Adam; a nonzero <paramref name="weightDecay"/> is an L2 term added to the gradient, as in torch.optim.Adam.</summary>
    public static ScalarSafeAdam Adam(IEnumerable<Parameter> parameters, double learningRate, double weightDecay = 0) =>
        new(parameters, learningRate, weightDecay, decoupledDecay: false);

    /// <summary>AdamW: the weight decay shrinks the parameter directly, as in torch.optim.AdamW.</summary>
    public static ScalarSafeAdam AdamW(IEnumerable<Parameter> parameters, double learningRate, double weightDecay) =>
        new(parameters, learningRate, weightDecay, decoupledDecay: true);

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        var (beta1, beta2) = (options.beta1!.Value, options.beta2!.Value);
        var (learningRate, weightDecay) = (options.LearningRate!.Value, options.weight_decay!.Value);
        using var keep1 = beta1.ToScalar();
        using var keep2 = beta2.ToScalar();
        using var new1 = (1 - beta1).ToScalar();
        using var new2 = (1 - beta2).ToScalar();
        using var epsilon = options.eps!.Value.ToScalar();
        using var decay = weightDecay.ToScalar();
        using var shrink = (1 - learningRate * weightDecay).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            // Not disposed: the gradient belongs to the parameter, and _step's dispose scope takes the wrapper.
            var gradient = parameter.grad;
            if (gradient is null)
            {
                continue;
            }

            var state = (State)_state[parameter.Handle];
            state.step += 1;
            using var correction2 = Math.Sqrt(1 - Math.Pow(beta2, state.step)).ToScalar();
            using var stepSize = (-learningRate / (1 - Math.Pow(beta1, state.step))).ToScalar();
            using var decayed = weightDecay == 0 || _decoupledDecay ? null : gradient.add(parameter, decay);
            var effective = decayed ?? gradient;
            if (_decoupledDecay && weightDecay != 0)
            {
                parameter.mul_(shrink);
            }

            state.exp_avg.mul_(keep1).add_(effective, new1);
            state.exp_avg_sq.mul_(keep2).addcmul_(effective, effective, new2);
            using var denominator = state.exp_avg_sq.sqrt().div_(correction2).add_(epsilon);
            parameter.addcdiv_(state.exp_avg, denominator, stepSize);
        }
    }, closure);
}
