using Platform.Experiments.FederatedPrompt.Federation;
using Platform.Experiments.FederatedPrompt.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Experiments.FederatedPrompt.Methods;

/// <summary>
/// One U-shaped split-training step: the client's head output goes up, the server's body output comes down, the
/// client computes the loss, the output gradient goes up, and the input gradient comes back for the client's
/// trainable head or prompts. Every crossing tensor goes through the link. <see cref="Logits"/> is the forward half
/// alone, the path the model really predicts with, for scoring samples.
/// </summary>
public sealed class SplitStep(SimulatedLink link, TransferMode mode)
{
    /// <summary>Runs the step; the caller zeroes and steps the client optimizer. Returns the batch loss.</summary>
    public float Run(SplitVit client, VitBody serverBody, optim.Optimizer? serverOptimizer, Tensor images, Tensor labels, bool headTrainable)
    {
        var minimal = mode == TransferMode.Minimal;
        var promptTokens = client.Config.PromptTokens;

        var h = client.Head.Embed(images, promptTokens > 0 ? client.Prompts.Value : null);
        var serverInput = link.Send(h, LinkDirection.Up, PayloadKind.Activations).requires_grad_(true);
        var z = serverBody.forward(serverInput);

        var clientZ = link.Send(minimal ? z.select(1, 0) : z, LinkDirection.Down, PayloadKind.Activations).requires_grad_(true);
        var loss = nn.functional.cross_entropy(minimal ? client.Tail.forward(clientZ) : client.Tail.FromTokens(clientZ), labels);
        loss.backward();

        var serverGradient = link.Send(clientZ.grad!, LinkDirection.Up, PayloadKind.Gradients);
        var zGradient = minimal ? Scatter(serverGradient, z, 0) : serverGradient;
        serverOptimizer?.zero_grad();
        z.backward([zGradient]);
        serverOptimizer?.step();

        if (h.requires_grad)
        {
            // With a frozen head, only the prompt rows of the input gradient matter to the client.
            var promptRowsOnly = minimal && !headTrainable;
            var rows = promptRowsOnly ? serverInput.grad!.narrow(1, 1, promptTokens) : serverInput.grad!;
            var received = link.Send(rows, LinkDirection.Down, PayloadKind.Gradients);
            h.backward([promptRowsOnly ? Scatter(received, h, 1) : received]);
        }
        return loss.item<float>();
    }

    /// <summary>
    /// The model's prediction as deployed: head and prompts on the client, the server's body, the tail at the CLS token,
    /// with the current weights. Crosses the link like the forward half of <see cref="Run"/> (the head's tokens up, the
    /// body's output down, CLS row only in minimal mode). Call it under no_grad.
    /// </summary>
    public Tensor Logits(SplitVit client, VitBody serverBody, Tensor images)
    {
        var promptTokens = client.Config.PromptTokens;
        var h = client.Head.Embed(images, promptTokens > 0 ? client.Prompts.Value : null);
        var z = serverBody.forward(link.Send(h, LinkDirection.Up, PayloadKind.Activations));
        return mode == TransferMode.Minimal
            ? client.Tail.forward(link.Send(z.select(1, 0), LinkDirection.Down, PayloadKind.Activations))
            : client.Tail.FromTokens(link.Send(z, LinkDirection.Down, PayloadKind.Activations));
    }

    /// <summary>A zero gradient shaped like <paramref name="like"/> with <paramref name="rows"/> placed from token <paramref name="start"/>.</summary>
    private static Tensor Scatter(Tensor rows, Tensor like, long start)
    {
        var full = torch.zeros_like(like);
        var count = rows.dim() == 2 ? 1 : rows.shape[1];
        full.narrow(1, start, count).copy_(rows.dim() == 2 ? rows.unsqueeze(1) : rows);
        return full;
    }
}
