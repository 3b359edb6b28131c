using Platform.Core.Jobs;

namespace Platform.Web.Components.Pages.Experiments.Components;

/// <summary>How much a family has been run: its job count and newest job, read from the queue.</summary>
public sealed record FamilyActivity(int Runs, JobDto? Latest);
