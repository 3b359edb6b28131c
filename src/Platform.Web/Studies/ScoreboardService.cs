using Platform.Core.Studies;
using Platform.Experiments.Contract;
using Platform.Experiments.Contract.Evidence;
using Platform.Web.Studies.Aggregation;

namespace Platform.Web.Studies;

/// <summary>
/// The paper scoreboard: every family's headline claims, each aggregated over the seeds of the family's latest headline
/// study (the headline preset, unchanged, one point). A family without one lists its declared predicted claims, empty.
/// </summary>
public sealed class ScoreboardService(FamilyCatalog catalog, StudyReader reader)
{
    public async Task<IReadOnlyList<ScoreboardRow>> RowsAsync(CancellationToken cancellationToken)
    {
        var studies = (await reader.LatestHeadlineStudiesAsync(ExperimentPreset.HeadlineName, cancellationToken)).ToDictionary(s => s.Kind);
        var rows = new List<ScoreboardRow>();
        foreach (var family in catalog.All.Where(f => f.Paper is not null).OrderBy(f => f.Title, StringComparer.Ordinal))
        {
            if (studies.TryGetValue(family.Kind, out var study))
            {
                var results = await reader.ResultsAsync(study.Id, cancellationToken);
                var point = StudyAggregator.Aggregate(study, results).Points.FirstOrDefault();
                if (point is { Claims.Count: > 0 })
                {
                    rows.AddRange(point.Claims.Select(c => new ScoreboardRow(family.Kind, family.Title, family.Paper!.Title, family.Paper.Year,
                        c.Claim, c.Basis, c.Unit, c.PaperValue, c.Band, c.Measured, c.Range, c.Verdict, study.Id, study.State,
                        study.FinishedAt ?? study.CreatedAt)));
                    continue;
                }
            }

            rows.AddRange(family.Evidence.PredictedClaims.Select(claim => new ScoreboardRow(family.Kind, family.Title, family.Paper!.Title,
                family.Paper.Year, claim, ClaimBasis.Predicted, "", null, null, null, null, null, study?.Id, study?.State, study?.CreatedAt)));
        }

        return rows;
    }
}
