// Plotly glue for the dashboard. The server sends whole series once (downsampled history) and then small batches of
// new points; batches are queued and applied once per animation frame, so a burst of updates costs one redraw.
(() => {
    const pending = new Map(); // element id -> { series: [{ name, x, y }], waited: frames }
    let frameRequested = false;

    const palette = ['#1976d2', '#d32f2f', '#388e3c', '#f57c00', '#7b1fa2', '#0097a7', '#5d4037', '#c2185b',
        '#689f38', '#455a64', '#fbc02d', '#303f9f'];

    // No mode bar: building it costs each plot a noticeable share of its first draw, and the panel has its own PNG
    // button; drag zooms, double-click resets.
    const plotConfig = { responsive: true, displaylogo: false, displayModeBar: false };

    function dark() { return document.documentElement.dataset.theme === 'dark'; }

    function layoutOf(spec) {
        const fg = dark() ? '#e0e0e0' : '#424242';
        const grid = dark() ? '#424242' : '#e0e0e0';
        return {
            margin: { l: 56, r: 12, t: (spec.series || []).length > 1 ? 28 : 8, b: 40 },
            height: spec.height || 260,
            paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)',
            font: { size: 11, color: fg },
            xaxis: { title: { text: spec.xAxis || 'step' }, gridcolor: grid, zeroline: false },
            yaxis: { title: { text: spec.yAxis || '' }, gridcolor: grid, zeroline: false, type: spec.logY ? 'log' : 'linear' },
            showlegend: (spec.series || []).length > 1,
            legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 10 } },
            hovermode: 'closest',
        };
    }

    function tracesOf(spec) {
        const traces = [];
        (spec.series || []).forEach((s, i) => {
            const color = s.color || palette[i % palette.length];
            if (s.lo && s.hi) {
                // The band: an invisible lower edge, then the upper edge filled down to it.
                traces.push({ x: s.x, y: s.lo, mode: 'lines', line: { width: 0 }, hoverinfo: 'skip', showlegend: false, name: s.name + ' (low)', meta: 'band' });
                traces.push({ x: s.x, y: s.hi, mode: 'lines', line: { width: 0 }, fill: 'tonexty', fillcolor: color + '33', hoverinfo: 'skip', showlegend: false, name: s.name + ' (high)', meta: 'band' });
            }
            traces.push({ x: s.x, y: s.y, name: s.name, mode: s.x.length === 1 ? 'markers' : 'lines', type: 'scatter', line: { color, width: 1.6 }, marker: { color } });
        });
        return traces;
    }

    function count(el) {
        let points = 0;
        for (const t of el.data || []) if (t.meta !== 'band') points += t.x.length;
        el.dataset.points = String(points);
        el.dataset.series = String((el.data || []).filter(t => t.meta !== 'band').length);
    }

    function watchZoom(el, ref) {
        if (!ref || el.dataset.zoomWatched) return;
        el.dataset.zoomWatched = '1';
        el.on('plotly_relayout', ev => {
            if (ev['xaxis.autorange'] || ev['autosize']) ref.invokeMethodAsync('OnZoomAsync', el.dataset.group, null, null);
            else if (ev['xaxis.range[0]'] !== undefined) ref.invokeMethodAsync('OnZoomAsync', el.dataset.group, ev['xaxis.range[0]'], ev['xaxis.range[1]']);
        });
    }

    function flush() {
        frameRequested = false;
        for (const [id, entry] of [...pending]) {
            const el = document.getElementById(id);
            if (!el || !el.data) {
                // A panel opened by a live point draws on its first render; keep its later points until then.
                if (++entry.waited > 600) pending.delete(id);
                continue;
            }
            pending.delete(id);
            const byName = new Map();
            for (const s of entry.series) {
                const acc = byName.get(s.name) || { x: [], y: [] };
                for (let k = 0; k < s.x.length; k++) { acc.x.push(s.x[k]); acc.y.push(s.y[k]); }
                byName.set(s.name, acc);
            }
            const xs = [], ys = [], idx = [];
            for (const [name, acc] of byName) {
                let i = el.data.findIndex(t => t.name === name && t.meta !== 'band');
                if (i < 0) {
                    const color = palette[el.data.filter(t => t.meta !== 'band').length % palette.length];
                    Plotly.addTraces(el, { x: [], y: [], name, mode: 'lines', type: 'scatter', line: { color, width: 1.6 }, marker: { color } });
                    i = el.data.length - 1;
                    Plotly.relayout(el, { showlegend: el.data.filter(t => t.meta !== 'band').length > 1, 'margin.t': 28 });
                }
                xs.push(acc.x); ys.push(acc.y); idx.push(i);
            }
            if (idx.length) Plotly.extendTraces(el, { x: xs, y: ys }, idx);
            for (const i of idx) {
                const t = el.data[i];
                if (t.x.length > 1 && t.mode === 'markers') Plotly.restyle(el, { mode: 'lines' }, [i]);
            }
            count(el);
        }
        if (pending.size && !frameRequested) { frameRequested = true; requestAnimationFrame(flush); }
    }

    function draw(el, spec, ref) {
        Plotly.react(el, tracesOf(spec), layoutOf(spec), plotConfig);
        count(el);
        watchZoom(el, ref);
    }

    // A plot costs tens of milliseconds to draw whatever its size, so a page of many panels draws the ones in view
    // (and a screen below) first and each other one when it is scrolled near. Live points for a panel not drawn yet
    // wait in `pending` until it is.
    const deferred = new Map(); // element -> [spec, ref]
    const nearView = 'IntersectionObserver' in window ? new IntersectionObserver(entries => {
        for (const entry of entries) {
            if (!entry.isIntersecting || !deferred.has(entry.target)) continue;
            const [spec, ref] = deferred.get(entry.target);
            deferred.delete(entry.target);
            nearView.unobserve(entry.target);
            draw(entry.target, spec, ref);
        }
        if (pending.size && !frameRequested) { frameRequested = true; requestAnimationFrame(flush); }
    }, { rootMargin: '100% 0px' }) : null;

    window.platformCharts = {
        render(el, spec, ref) {
            if (!el) return;
            el.dataset.group = spec.group || '';
            if (nearView && !el.data) {
                deferred.set(el, [spec, ref]);
                nearView.observe(el);
                return;
            }
            draw(el, spec, ref);
        },
        // Replaces the data of the named series (after a zoom re-query) and keeps the current axis ranges.
        replace(el, series) {
            if (!el || !el.data) return;
            for (const s of series) {
                const i = el.data.findIndex(t => t.name === s.name && t.meta !== 'band');
                if (i >= 0) Plotly.restyle(el, { x: [s.x], y: [s.y] }, [i]);
            }
            count(el);
        },
        append(updates) {
            for (const u of updates) {
                const entry = pending.get(u.id) || { series: [], waited: 0 };
                entry.series.push(...u.series);
                pending.set(u.id, entry);
            }
            if (!frameRequested) { frameRequested = true; requestAnimationFrame(flush); }
        },
        gantt(el, chart) {
            if (!el) return;
            const categories = [...new Set(chart.bars.map(b => b.category))];
            const traces = categories.map((c, i) => {
                const bars = chart.bars.filter(b => b.category === c);
                return {
                    type: 'bar', orientation: 'h', name: c, y: bars.map(b => b.lane), x: bars.map(b => b.end - b.start),
                    base: bars.map(b => b.start), marker: { color: palette[i % palette.length] },
                    text: bars.map(b => b.label || c), hovertemplate: '%{text}: %{base:.3g}–%{x:.3g}<extra></extra>',
                };
            });
            const layout = layoutOf({ xAxis: chart.timeUnit, height: Math.max(220, 40 + 28 * chart.lanes.length) });
            layout.barmode = 'overlay';
            layout.showlegend = true;
            layout.yaxis = { categoryorder: 'array', categoryarray: [...chart.lanes].reverse(), automargin: true };
            Plotly.react(el, traces, layout, { responsive: true, displaylogo: false });
            el.dataset.points = String(chart.bars.length);
        },
        png(el, filename) {
            if (el && el.data) return Plotly.downloadImage(el, { format: 'png', filename, width: el.clientWidth * 2, height: el.clientHeight * 2 });
        },
        download(filename, contentType, text) {
            const url = URL.createObjectURL(new Blob([text], { type: contentType }));
            const a = document.createElement('a');
            a.href = url; a.download = filename; document.body.appendChild(a); a.click(); a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 1000);
        },
        setTheme(isDark) {
            document.documentElement.dataset.theme = isDark ? 'dark' : 'light';
            for (const el of document.querySelectorAll('.js-plotly-plot')) {
                const fg = isDark ? '#e0e0e0' : '#424242', grid = isDark ? '#424242' : '#e0e0e0';
                Plotly.relayout(el, { 'font.color': fg, 'xaxis.gridcolor': grid, 'yaxis.gridcolor': grid });
            }
        },
    };
})();
