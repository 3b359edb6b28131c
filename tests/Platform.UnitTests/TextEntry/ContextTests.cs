using Platform.Experiments.TextEntry.Corpus;
using Platform.Experiments.TextEntry.Expansion;
using Platform.Experiments.TextEntry.Model;
using Platform.Experiments.TextEntry.Simulation;

namespace Platform.UnitTests.TextEntry;

public sealed class ContextTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Removing_context_never_improves_top1_on_a_corpus_built_with_context(int seed)
    {
        // Every reply reuses the partner's fillers. Split by dialogue, not by script: the model knows the templates, so
        // what the context can add (the fillers) is all that differs between the two expansions; held out are only the
        // phrases whose fillers make them new.
        var dialogues = SyntheticDialogues.Generate(240, contextOverlap: 1.0, new Random(seed));
        var split = CorpusSplit.Of(dialogues, 0.1, 0.2, new Random(seed));
        var model = new NgramDialogueModel(TrainedModel.Train(split.Train, 3).Model, contextWeight: 4);
        var phrases = TestPhrase.HeldOut(split.Test, split.Train, contextTurns: 1).Where(p => p.Context.Count > 0).Take(60).ToList();

        int Top1(Func<TestPhrase, ILanguageModel> modelFor) => phrases.Count(p =>
            new AbbreviationExpander(modelFor(p), 8).Expand(TypedAbbreviation.Parse(p.Abbreviation), 1) is [var best] && best.Matches(p.Tokens));
        var withContext = Top1(p => model.Given(p.Context));
        var withoutContext = Top1(_ => model.Alone);

        Assert.True(withContext > 0, "no phrase expanded first with context: the comparison would say nothing");
        Assert.True(withContext >= withoutContext, $"top-1 without context {withoutContext} beat with context {withContext} of {phrases.Count}");
    }
}
