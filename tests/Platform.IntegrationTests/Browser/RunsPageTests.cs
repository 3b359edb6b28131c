using Microsoft.Playwright;
using Platform.Core.Hosting;
using Platform.Core.Runs;
using Platform.IntegrationTests.Support;
using static Platform.IntegrationTests.Browser.BrowserSteps;

namespace Platform.IntegrationTests.Browser;

/// <summary>The runs grid in a real browser: filters that live in the address, bulk cancel, compare, live progress.</summary>
public sealed class RunsPageTests(PostgresServer server)
{
    [Fact]
    public async Task The_grid_filters_by_kind_and_state_and_keeps_the_filter_in_the_address()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var counter = await app.SubmitAsync(Families.Counter());
        var cancelled = await app.SubmitAsync(Families.Counter());
        var block = await app.SubmitAsync(Families.Blocking());
        await app.Client.PostAsync($"/api/v1/runs/{cancelled.Id}/cancel", null, TestContext.Current.CancellationToken);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();

        await page.GotoAsync(new Uri(app.Address, "runs").ToString());
        await WaitUntilInteractiveAsync(page);
        await WaitForRowsAsync(page, counter.Id, cancelled.Id, block.Id);

        await page.Locator("[data-testid=filter-kind]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = BlockingExperiment.KindName }).ClickAsync();
        await WaitForRowsAsync(page, block.Id);
        Assert.Contains($"kind={BlockingExperiment.KindName}", page.Url, StringComparison.Ordinal);

        // A shared address opens the same view.
        await page.GotoAsync(new Uri(app.Address, "runs?state=Cancelled,Queued&kind=test-counter").ToString());
        await WaitUntilInteractiveAsync(page);
        await WaitForRowsAsync(page, counter.Id, cancelled.Id);
        await page.GotoAsync(new Uri(app.Address, "runs?state=cancelled").ToString());
        await WaitUntilInteractiveAsync(page);
        await WaitForRowsAsync(page, cancelled.Id);
        Assert.Equal("Cancelled", (await Row(page, cancelled.Id).Locator("[data-testid=run-state]").TextContentAsync())?.Trim());
        await ScreenshotAsync(page, "runs-filtered");
    }

    [Fact]
    public async Task Bulk_cancel_ends_the_selected_queued_runs_and_reports_it()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var first = await app.SubmitAsync(Families.Counter());
        var second = await app.SubmitAsync(Families.Counter());
        var kept = await app.SubmitAsync(Families.Counter());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();

        await page.GotoAsync(new Uri(app.Address, "runs").ToString());
        await WaitUntilInteractiveAsync(page);
        await WaitForRowsAsync(page, first.Id, second.Id, kept.Id);
        await Row(page, first.Id).Locator("input[type=checkbox]").CheckAsync();
        await Row(page, second.Id).Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("[data-testid=cancel-selected]").ClickAsync();
        await page.Locator("[data-testid=cancel-dialog-confirm]").ClickAsync();

        await page.Locator(".mud-snackbar", new PageLocatorOptions { HasText = "2 cancelled" }).WaitForAsync(Patient);
        await ScreenshotAsync(page, "runs-bulk-cancel");
        Assert.Equal(RunState.Cancelled, (await app.GetRunAsync(first.Id)).State);
        Assert.Equal(RunState.Cancelled, (await app.GetRunAsync(second.Id)).State);
        Assert.Equal(RunState.Queued, (await app.GetRunAsync(kept.Id)).State);
        await page.WaitForFunctionAsync(
            "id => document.querySelector(`[data-testid=runs-grid] tr:has([data-id='${id}']) [data-testid=run-state]`)?.textContent.trim() === 'Cancelled'",
            first.Id.ToString(), new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Equal(0, await page.Locator("[data-testid=selected-count]").CountAsync());
    }

    [Fact]
    public async Task Compare_opens_the_compare_page_with_the_selected_runs()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var first = await app.SubmitAsync(Families.Counter());
        var second = await app.SubmitAsync(Families.Counter());
        var other = await app.SubmitAsync(Families.Counter());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();

        await page.GotoAsync(new Uri(app.Address, "runs").ToString());
        await WaitUntilInteractiveAsync(page);
        await WaitForRowsAsync(page, first.Id, second.Id, other.Id);
        await Row(page, first.Id).Locator("input[type=checkbox]").CheckAsync();
        await Row(page, second.Id).Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("[data-testid=selected-count]", new PageLocatorOptions { HasText = "2 selected" }).WaitForAsync(Patient);
        await ScreenshotAsync(page, "runs-selected");
        await page.Locator("[data-testid=compare-selected]").ClickAsync();

        // The compare page belongs to another part of the dashboard; this test only checks where Compare leads.
        await page.WaitForFunctionAsync("() => location.pathname === '/compare'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var ids = Uri.UnescapeDataString(page.Url[(page.Url.IndexOf("ids=", StringComparison.Ordinal) + 4)..]).Split(',').Select(Guid.Parse);
        Assert.Equal(new[] { first.Id, second.Id }, ids.Order());
    }

    [Fact]
    public async Task Rows_carry_a_name_that_can_be_changed_and_cancel_waits_for_a_run_it_can_cancel()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync(), PlatformRole.Web);
        var finished = await app.SubmitAsync(new { kind = "hardware-profile", preset = "quick" });
        var queued = await app.SubmitAsync(Families.Counter());
        await app.Client.PostAsync($"/api/v1/runs/{finished.Id}/cancel", null, TestContext.Current.CancellationToken);
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();
        await page.GotoAsync(new Uri(app.Address, "runs").ToString());
        await WaitUntilInteractiveAsync(page);
        await WaitForRowsAsync(page, finished.Id, queued.Id);

        // Unnamed, a run is called by its family and the preset it was queued from.
        Assert.Equal("hardware-profile · quick", (await Row(page, finished.Id).Locator("[data-testid=run-name]").InnerTextAsync()).Trim());
        Assert.Equal("test-counter", (await Row(page, queued.Id).Locator("[data-testid=run-name]").InnerTextAsync()).Trim());

        await Row(page, finished.Id).Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("[data-testid=selected-count]", new PageLocatorOptions { HasText = "1 selected" }).WaitForAsync(Patient);
        Assert.True(await page.Locator("[data-testid=cancel-selected]").IsDisabledAsync());
        await Row(page, queued.Id).Locator("input[type=checkbox]").CheckAsync();
        await page.Locator("[data-testid=selected-count]", new PageLocatorOptions { HasText = "2 selected" }).WaitForAsync(Patient);
        Assert.True(await page.Locator("[data-testid=cancel-selected]").IsEnabledAsync());

        await Row(page, queued.Id).Locator("[data-testid=run-label]").ClickAsync();
        // MudBlazor puts a text field's attributes on the input itself.
        await page.Locator("input[data-testid=label-name]").FillAsync("Counter baseline");
        await page.Locator("textarea[data-testid=label-note]").FillAsync("before the fix");
        await page.Locator("[data-testid=label-save]").ClickAsync();
        await page.WaitForFunctionAsync(
            "id => document.querySelector(`[data-testid=runs-grid] tr:has([data-id='${id}']) [data-testid=run-name]`)?.textContent.trim() === 'Counter baseline'",
            queued.Id.ToString(), new PageWaitForFunctionOptions { Timeout = 30_000 });
        var stored = await app.GetRunAsync(queued.Id);
        Assert.Equal(("Counter baseline", "before the fix"), (stored.Name, stored.Note));
        await ScreenshotAsync(page, "runs-names");
    }

    [Fact]
    public async Task A_running_row_shows_its_progress_live_and_links_to_its_page()
    {
        await using var app = await TestApp.StartAsync(await server.CreateDatabaseAsync());
        await using var browser = await BrowserFixture.LaunchAsync();
        var page = await browser.NewDashboardPageAsync();
        await page.GotoAsync(new Uri(app.Address, "runs").ToString());
        await WaitUntilInteractiveAsync(page);

        // Submitted after the page is live: the row itself must arrive by a live event.
        var run = await app.SubmitAsync(Families.Counter(points: 200, delayMs: 40));
        await WaitForRowsAsync(page, run.Id);
        await page.WaitForFunctionAsync(
            "id => { const v = Number(document.querySelector(`[data-testid=runs-grid] tr:has([data-id='${id}']) [data-testid=run-progress]`)?.dataset.value ?? 0); return v > 0 && v < 100; }",
            run.Id.ToString(), new PageWaitForFunctionOptions { Timeout = 30_000 });
        await ScreenshotAsync(page, "runs-live");
        await page.WaitForFunctionAsync(
            "id => document.querySelector(`[data-testid=runs-grid] tr:has([data-id='${id}']) [data-testid=run-state]`)?.textContent.trim() === 'Succeeded'",
            run.Id.ToString(), new PageWaitForFunctionOptions { Timeout = 60_000 });
        // A finished run's progress bar says nothing its state does not: the cell empties.
        await Row(page, run.Id).Locator("[data-testid=run-progress]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 30_000 });

        await Row(page, run.Id).Locator("[data-testid=run-link]").ClickAsync();
        await page.WaitForFunctionAsync("id => location.pathname === `/runs/${id}`", run.Id.ToString(), new PageWaitForFunctionOptions { Timeout = 30_000 });
    }
}
