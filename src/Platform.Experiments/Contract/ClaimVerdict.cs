namespace Platform.Experiments.Contract;

public enum ClaimVerdict
{
    Supported,
    PartlySupported,
    NotSupported,
    NotComparable,
}
