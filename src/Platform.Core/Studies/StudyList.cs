namespace Platform.Core.Studies;

public sealed record StudyList(IReadOnlyList<StudyDto> Items, int Page, int PageSize, int Total);
