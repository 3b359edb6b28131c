namespace Platform.Experiments.FederatedPrompt.Model;

/// <summary>The parts of the split ViT, by who holds them: head, prompts and tail on the client, body on the server.</summary>
[Flags]
public enum ModelPart
{
    None = 0,
    Head = 1,
    Prompts = 2,
    Body = 4,
    Tail = 8,
    All = Head | Prompts | Body | Tail,
}
