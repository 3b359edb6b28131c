using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.IntegrationTests.Support;
using Platform.Web.Api;
using Platform.Web.Hubs;

namespace Platform.IntegrationTests.Reliability;

/// <summary>
/// A hub client written the way the hub's contract asks: it takes live points and, on <c>Resync</c>, reads the
/// points after its last step and the run's state from the REST API.
/// </summary>
internal sealed class ResyncingSubscriber : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HubConnection _hub;
    private readonly HttpClient _api;
    private readonly Guid _runId;
    private readonly string _key;
    private readonly List<long> _steps = [];
    private readonly List<long> _liveSteps = [];

    private ResyncingSubscriber(TestApp app, Guid runId, string key)
    {
        _api = app.Client;
        _runId = runId;
        _key = key;
        _hub = new HubConnectionBuilder().WithUrl(new Uri(app.Address, "hubs/runs")).Build();
        _hub.On<MetricsMessage>(nameof(IRunsClient.Metrics), OnMetricsAsync);
        _hub.On<StateMessage>(nameof(IRunsClient.State), s => LastState = s.State);
        _hub.On(nameof(IRunsClient.Resync), OnResyncAsync);
    }

    public IReadOnlyList<long> Steps => Locked(() => _steps.ToList());

    public IReadOnlyList<long> LiveSteps => Locked(() => _liveSteps.ToList());

    public string? LastState { get; private set; }

    public int Resyncs { get; private set; }

    public HubConnectionState Connection => _hub.State;

    public static async Task<ResyncingSubscriber> StartAsync(TestApp app, Guid runId, string key)
    {
        var subscriber = new ResyncingSubscriber(app, runId, key);
        await subscriber._hub.StartAsync(TestContext.Current.CancellationToken);
        await subscriber._hub.InvokeAsync(nameof(RunsHub.Subscribe), runId, TestContext.Current.CancellationToken);
        return subscriber;
    }

    private async Task OnMetricsAsync(MetricsMessage message)
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var point in message.Points.Where(p => p.Key == _key))
            {
                _liveSteps.Add(point.Step);
                Take(point.Step);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task OnResyncAsync()
    {
        await _gate.WaitAsync();
        try
        {
            Resyncs++;
            var from = _steps.Count > 0 ? _steps[^1] + 1 : 0;
            var read = await _api.GetFromJsonAsync<MetricSeriesResponse>(
                $"/api/v1/runs/{_runId}/metrics?key={_key}&fromStep={from}&maxPoints=100000", Json.Options);
            foreach (var point in read!.Series.SingleOrDefault()?.Points ?? [])
            {
                Take((long)point[0]);
            }

            var run = await _api.GetFromJsonAsync<Platform.Core.Runs.RunDto>($"/api/v1/runs/{_runId}", Json.Options);
            LastState = run!.State.ToString();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Take(long step)
    {
        if (_steps.Count == 0 || step > _steps[^1])
        {
            _steps.Add(step);
        }
    }

    private T Locked<T>(Func<T> read)
    {
        _gate.Wait();
        try
        {
            return read();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _gate.Dispose();
    }
}
