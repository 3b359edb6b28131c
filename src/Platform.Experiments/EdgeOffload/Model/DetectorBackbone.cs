namespace Platform.Experiments.EdgeOffload.Model;

/// <summary>What the detector is built on: the tiny from-scratch backbone, or ImageNet ResNet-18's first three stages (frozen).</summary>
public enum DetectorBackbone
{
    Tiny,
    ResNet18,
}
