using Microsoft.AspNetCore.Components;
using Platform.Core.Events;
using Platform.Core.Studies;
using Platform.Web.Live;

namespace Platform.Web.Components.Pages.Studies;

/// <summary>The newest studies with their progress, re-read when a run changes state (at most once a second).</summary>
public sealed partial class StudiesPage : IDisposable
{
    private const int Shown = 100;
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);
    private StudyList? _studies;
    private LiveRunFeed? _feed;

    [Inject] private StudyReader Reader { get; set; } = default!;

    [Inject] private LiveRunFeeds Feeds { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            _feed = Feeds.Create(InvokeAsync, OnLiveAsync, DispatchExceptionAsync, s_interval, e => e is RunStateChanged);
            _feed.FollowAll();
        }

        _studies = await Reader.ListAsync(null, 1, Shown, CancellationToken.None);
        _feed?.HistoryLoaded();
    }

    private async Task OnLiveAsync(LiveRunBatch _)
    {
        _studies = await Reader.ListAsync(null, 1, Shown, CancellationToken.None);
        StateHasChanged();
    }

    public void Dispose() => _feed?.Dispose();
}
