// Plotly glue for the dashboard. The server sends whole series once (downsampled history) and then small batches of
// new points; batches are queued and applied once per animation frame, so a burst of updates costs one redraw.
(() => {
    const pending = new Map(); // element id -> { series: [{ name, x, y }], waited: frames }
    let frameRequested = false;

    const palette = ['#1976d2', '#d32f2f', '#388e3c', '#f57c00', '#7b1fa2', '#0097a7', '#5d4037', '#c2185b',
        '#689f38', '#455a64', '#fbc02d', '#303f9f'];

    // A colour belongs to a series name, never to the order series arrive in, so a chart drawn live and the same chart
    // after a reload agree: each name takes the palette slot of its hash, and names that collide within one chart take
    // the next free slot in name order. The result depends only on the set of names in the chart.
    function hashOf(name) {
        let h = 2166136261;
        for (let k = 0; k < name.length; k++) { h ^= name.charCodeAt(k); h = Math.imul(h, 16777619); }
        return h >>> 0;
    }

    function coloursOf(names) {
        const taken = new Set(), colours = new Map();
        for (const name of [...new Set(names)].sort()) {
            let slot = hashOf(name) % palette.length;
            for (let tries = 0; taken.has(slot) && tries < palette.length; tries++) slot = (slot + 1) % palette.length;
            taken.add(slot);
            colours.set(name, palette[slot]);
        }
        return colours;
    }

    // On compare a series carries its run's slot: one colour and one line style per run on every chart, so a run is
    // found by its colour and two identical curves still show as two.
    const dashes = ['solid', 'dash', 'dot', 'dashdot'];
    function styleOf(s, colours) {
        if (s.slot === null || s.slot === undefined) return { color: s.color || colours.get(s.name), dash: 'solid' };
        return { color: palette[s.slot % palette.length], dash: dashes[s.slot % dashes.length] };
    }

    // One point draws nothing as a line, and a few points read better with their markers; the same rule live and on
    // reload, so a curve never changes look on a reload.
    function modeFor(points) { return points <= 1 ? 'markers' : points <= 30 ? 'lines+markers' : 'lines'; }

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
            // automargin keeps the axis titles inside the card however long the tick labels are.
            // On compare a bar's name is a run's long label: the legend names it, as on the curves, not the axis.
            xaxis: spec.categorical
                ? { type: 'category', gridcolor: grid, automargin: true, showticklabels: !spec.alwaysLegend }
                : { title: { text: spec.xAxis || 'step' }, gridcolor: grid, zeroline: false, automargin: true, type: spec.logX ? 'log' : 'linear' },
            yaxis: { title: { text: spec.yAxis || '' }, gridcolor: grid, zeroline: false, automargin: true, type: spec.logY ? 'log' : 'linear' },
            // A categorical panel names its bars on the x axis; a curve needs the legend when there are several, or
            // always on compare, where its name is the run.
            showlegend: spec.alwaysLegend || (!spec.categorical && (spec.series || []).length > 1),
            legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { size: 10 } },
            hovermode: 'closest',
        };
    }

    // Steps are whole numbers; a panel may draw them in another unit (kbit/s logged, Mbit/s drawn).
    function scaled(xs, scale) { return scale && scale !== 1 ? xs.map(x => x * scale) : xs; }

    // A categorical panel: one bar per series, at its name, of its last value.
    function barOf(name, y, color) {
        return { type: 'bar', name, x: [name], y: y.length ? [y[y.length - 1]] : [], marker: { color } };
    }

    function tracesOf(spec) {
        const traces = [];
        const colours = coloursOf((spec.series || []).map(s => s.name));
        (spec.series || []).forEach(s => {
            const { color, dash } = styleOf(s, colours);
            if (spec.categorical) { traces.push(barOf(s.name, s.y, color)); return; }
            const x = scaled(s.x, spec.xScale);
            if (s.lo && s.hi) {
                // The band: an invisible lower edge, then the upper edge filled down to it.
                traces.push({ x, y: s.lo, mode: 'lines', line: { width: 0 }, hoverinfo: 'skip', showlegend: false, name: s.name + ' (low)', meta: 'band' });
                traces.push({ x, y: s.hi, mode: 'lines', line: { width: 0 }, fill: 'tonexty', fillcolor: color + '33', hoverinfo: 'skip', showlegend: false, name: s.name + ' (high)', meta: 'band' });
            }
            traces.push({ x, y: s.y, name: s.name, mode: modeFor(x.length), type: 'scatter', line: { color, dash, width: 1.6 }, marker: { color, size: 5 } });
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
        if (!ref || el.dataset.zoomWatched || el.spec.categorical) return;
        el.dataset.zoomWatched = '1';
        // The server reads steps: undo the panel's unit and log axis (Plotly reports a log range as exponents).
        const step = v => (el.spec.logX ? Math.pow(10, v) : v) / (el.spec.xScale || 1);
        el.on('plotly_relayout', ev => {
            if (ev['xaxis.autorange'] || ev['autosize']) ref.invokeMethodAsync('OnZoomAsync', el.dataset.group, null, null);
            else if (ev['xaxis.range[0]'] !== undefined) ref.invokeMethodAsync('OnZoomAsync', el.dataset.group, step(ev['xaxis.range[0]']), step(ev['xaxis.range[1]']));
        });
    }

    // Live points on a categorical panel: each bar takes its series' newest value.
    function flushBars(el, byName) {
        let added = false;
        for (const [name, acc] of byName) {
            const i = el.data.findIndex(t => t.name === name);
            if (i < 0) { Plotly.addTraces(el, barOf(name, acc.y, palette[0])); added = true; }
            else Plotly.restyle(el, { y: [[acc.y[acc.y.length - 1]]] }, [i]);
        }
        if (added) {
            const colours = coloursOf(el.data.map(t => t.name));
            Plotly.restyle(el, { 'marker.color': el.data.map(t => colours.get(t.name)) }, el.data.map((_, i) => i));
        }
    }

    function flush() {
        frameRequested = false;
        for (const [id, entry] of [...pending]) {
            const el = document.getElementById(id);
            if (!el || !el.data) {
                // A panel opened by a live point draws on its first render, and a panel out of view when it is scrolled
                // near: keep its later points until then. Only an element that never appears gives up its points.
                if (!el && ++entry.waited > 600) pending.delete(id);
                continue;
            }
            pending.delete(id);
            const byName = new Map();
            for (const s of entry.series) {
                const acc = byName.get(s.name) || { x: [], y: [] };
                for (let k = 0; k < s.x.length; k++) { acc.x.push(s.x[k]); acc.y.push(s.y[k]); }
                byName.set(s.name, acc);
            }
            if (el.spec && el.spec.categorical) { flushBars(el, byName); count(el); continue; }
            const xs = [], ys = [], idx = [];
            let added = false;
            for (const [name, acc] of byName) {
                let i = el.data.findIndex(t => t.name === name && t.meta !== 'band');
                if (i < 0) {
                    Plotly.addTraces(el, { x: [], y: [], name, mode: 'markers', type: 'scatter', line: { width: 1.6 }, marker: { size: 5 } });
                    i = el.data.length - 1;
                    added = true;
                }
                xs.push(scaled(acc.x, el.spec && el.spec.xScale)); ys.push(acc.y); idx.push(i);
            }
            if (idx.length) Plotly.extendTraces(el, { x: xs, y: ys }, idx);
            if (added) {
                // A new name can move a colliding name to another slot: recolour every curve the chart holds.
                const curves = el.data.map((t, i) => [t, i]).filter(([t]) => t.meta !== 'band');
                const colours = coloursOf(curves.map(([t]) => t.name));
                const ids = curves.map(([, i]) => i);
                const colour = curves.map(([t]) => colours.get(t.name));
                Plotly.restyle(el, { 'line.color': colour, 'marker.color': colour }, ids);
                Plotly.relayout(el, { showlegend: curves.length > 1, 'margin.t': curves.length > 1 ? 28 : 8 });
            }
            for (const i of idx) {
                const t = el.data[i], mode = modeFor(t.x.length);
                if (t.mode !== mode) Plotly.restyle(el, { mode }, [i]);
            }
            count(el);
        }
        if (pending.size && !frameRequested) { frameRequested = true; requestAnimationFrame(flush); }
    }

    function draw(el, spec, ref) {
        el.spec = spec;
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
                if (i >= 0) Plotly.restyle(el, { x: [scaled(s.x, el.spec && el.spec.xScale)], y: [s.y] }, [i]);
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
        // allCategories: every category of every timeline on the page, so a category has one colour on all of them.
        gantt(el, chart, allCategories) {
            if (!el) return;
            const categories = [...new Set(chart.bars.map(b => b.category))];
            const colours = coloursOf([...categories, ...(allCategories || [])]);
            const traces = categories.map(c => {
                const bars = chart.bars.filter(b => b.category === c);
                return {
                    type: 'bar', orientation: 'h', name: c, y: bars.map(b => b.lane), x: bars.map(b => b.end - b.start),
                    base: bars.map(b => b.start), marker: { color: colours.get(c) },
                    text: bars.map(b => b.label || c), hovertemplate: '%{text}: %{base:.3g}–%{x:.3g}<extra></extra>',
                    // Labels sit inside their bar or not at all (uniformtext below hides those that do not fit), so they never overlap.
                    textposition: 'inside', insidetextanchor: 'middle', constraintext: 'both',
                };
            });
            const layout = layoutOf({ xAxis: chart.timeUnit, height: Math.max(220, 40 + 28 * chart.lanes.length) });
            layout.barmode = 'overlay';
            layout.uniformtext = { mode: 'hide', minsize: 9 };
            layout.showlegend = true;
            layout.yaxis = { categoryorder: 'array', categoryarray: [...chart.lanes].reverse(), automargin: true };
            Plotly.react(el, traces, layout, { responsive: true, displaylogo: false });
            el.dataset.points = String(chart.bars.length);
        },
        // A study's metric against one swept parameter: the mean over seeds, its 95% interval as a band (added for studies).
        studySeries(el, chart) {
            if (!el) return;
            const color = palette[0];
            const traces = [
                { x: chart.x, y: chart.low, mode: 'lines', line: { width: 0 }, hoverinfo: 'skip', showlegend: false, name: '95% CI (low)', meta: 'band' },
                { x: chart.x, y: chart.high, mode: 'lines', line: { width: 0 }, fill: 'tonexty', fillcolor: color + '33', hoverinfo: 'skip', showlegend: false, name: '95% CI (high)', meta: 'band' },
                { x: chart.x, y: chart.mean, mode: 'lines+markers', line: { color }, marker: { color, size: 6 }, name: 'mean' },
            ];
            const layout = layoutOf({ xAxis: chart.xTitle, height: 280 });
            layout.margin.t = 28;
            layout.title = { text: chart.title, font: { size: 12 } };
            Plotly.react(el, traces, layout, { responsive: true, displaylogo: false });
            el.dataset.points = String(chart.x.length);
            el.dataset.band = String(chart.low.filter((v, i) => v !== chart.high[i]).length);
        },
        studyHeatmap(el, grid) {
            if (!el) return;
            const text = grid.mean.map((row, i) => row.map((v, j) => v === null ? 'no run' : `${v.toPrecision(4)} (n = ${grid.n[i][j]})`));
            const trace = {
                type: 'heatmap', x: grid.x.map(String), y: grid.y.map(String), z: grid.mean, text, hoverinfo: 'x+y+text',
                colorscale: 'Viridis', colorbar: { thickness: 12 }, hoverongaps: false,
            };
            const layout = layoutOf({ xAxis: grid.xParameter, height: 300 });
            layout.margin.t = 28;
            layout.title = { text: `${grid.metric}: mean over seeds`, font: { size: 12 } };
            layout.xaxis.type = 'category';
            layout.yaxis = Object.assign(layout.yaxis || {}, { type: 'category', title: { text: grid.yParameter } });
            Plotly.react(el, [trace], layout, { responsive: true, displaylogo: false });
            el.dataset.cells = String(grid.mean.flat().filter(v => v !== null).length);
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
