using Platform.Core.Runs;

namespace Platform.Web.Components.Pages.Families.Components;

/// <summary>How much a family has been run: its run count and newest run, read from the queue.</summary>
public sealed record FamilyActivity(int Runs, RunDto? Latest);
