using Platform.Experiments.Contract;

namespace Platform.Experiments.CommOverlap;

/// <summary>The family's one-click parameter sets.</summary>
internal static class CommOverlapPresets
{
    public static IReadOnlyList<ExperimentPreset> All { get; } =
    [
        new(ExperimentPreset.HeadlineName, "Reproduce the paper's headline",
            "T-NLG at TP 8 and 16, PaLM and MT-NLG at TP 16 and 32, all four sublayers, on the T3-calibrated GPU: " +
            "sublayer speedups and data-movement savings against the abstract's figures. The burstiness is fitted to the T-NLG " +
            "geomean; the other four figures are predictions, judged over the assumptions' ranges.",
            new CommOverlapParameters
            {
                Models = [TransformerModel.TNlg, TransformerModel.Palm, TransformerModel.MtNlg],
                TpDegrees = [8, 16],
                LargeModelTpDegrees = [16, 32],
            }),
        new("tp-sweep", "Speedup against TP degree",
            "Mega-GPT-2, T-NLG and GPT-3 from TP 2 to 64: each sublayer's speedup rises while communication grows, peaks " +
            "when it balances the GEMM and falls when communication dominates.",
            new CommOverlapParameters
            {
                Models = [TransformerModel.TNlg, TransformerModel.MegaGpt2, TransformerModel.Gpt3],
                TpDegrees = [2, 4, 8, 16, 32, 64],
            }),
        new("tp-sweep-fast-link", "TP sweep with a 300 GB/s link",
            "The TP sweep with twice the link bandwidth: the speedup peaks move to higher TP.",
            new CommOverlapParameters
            {
                Models = [TransformerModel.TNlg, TransformerModel.MegaGpt2, TransformerModel.Gpt3],
                TpDegrees = [2, 4, 8, 16, 32, 64],
                LinkGbps = 300,
            }),
        new("cpu-real", "Real track-and-trigger on this CPU",
            "Two TorchSharp ranks compute a GEMM chunk by chunk; a completion counter triggers a copy-and-add of each " +
            "finished chunk to the next rank, against GEMM-then-ring. Near-memory reduction has no CPU analogue.",
            new CommOverlapParameters { Mode = RunMode.CpuReal }),
    ];
}
