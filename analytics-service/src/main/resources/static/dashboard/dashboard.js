/* The built-in dashboard: reads the analytics API with the viewer's login, draws every figure as an SVG
   chart with a text summary and a data table, lets any bar or figure drill down to the complaints behind
   it and on to a complaint's timeline, and redraws every 30 s. No library, nothing from the internet. */
(() => {
  'use strict';
  const M = window.DashboardMessages;
  const DIMS = window.DashboardDimensions;
  const API = '/api/v1/analytics';
  const FILTERS = ['channel', 'category', 'region', 'persona', 'playbook'];
  const LANG_KEY = 'complaintflow.dashboard.lang';
  const REFRESH_MS = 30000;
  const COLORS = ['#2563eb', '#15803d', '#b45309', '#b91c1c', '#7c3aed', '#0e7490'];
  const SVG = 'http://www.w3.org/2000/svg';
  const HOUR = 3600 * 1000;
  const LABELLED = ['channel', 'category', 'persona', 'playbook', 'milestone', 'outcome', 'nature', 'priority', 'churnRisk',
    'tier', 'reminderKind', 'level', 'remedy', 'field'];

  let lang = chooseLanguage();
  let last = null;
  let lastDrill = '#overview';
  const regions = new Set();

  function chooseLanguage() {
    const stored = localStorage.getItem(LANG_KEY);
    if (stored && M[stored]) return stored;
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    return wanted.some((l) => /^zh/i.test(l || '')) ? 'zh-CN' : 'en';
  }

  function t(key, vars) {
    let text = M[lang][key] ?? M.en[key] ?? key;
    Object.entries(vars || {}).forEach(([name, value]) => { text = text.split('{' + name + '}').join(value); });
    return text;
  }

  function label(dimension, value) {
    if (value === 'UNKNOWN' && dimension !== 'outcome') return t('value.UNKNOWN');
    const key = dimension + '.' + value;
    return M[lang][key] ?? M.en[key] ?? value;
  }

  function anyLabel(value) {
    if (typeof value !== 'string') return String(value);
    for (const dimension of LABELLED) {
      const key = dimension + '.' + value;
      if (M.en[key]) return label(dimension, value);
    }
    return /^\d{4}-\d\d-\d\dT/.test(value) ? when(value) : value;
  }

  function measureLabel(measure) {
    const colon = measure.indexOf(':');
    if (colon < 0) return t('measure.' + measure);
    const prefix = measure.slice(0, colon);
    const value = measure.slice(colon + 1);
    const dimension = { slaMet: 'milestone', slaBreached: 'milestone', outcome: 'outcome', correctedField: 'field', checkedField: 'field' }[prefix];
    return t('measure.' + prefix, { x: dimension ? label(dimension, value) : value });
  }

  const number = (value) => (value == null ? '–' : new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value));
  const percent = (value) => (value == null ? '–' : new Intl.NumberFormat(lang, { style: 'percent' }).format(value));
  const when = (iso) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    .format(new Date(iso)) + ' UTC';

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value == null) return;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    });
    children.flat().forEach((child) => child != null && node.append(child));
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    });
    return node;
  }

  async function api(path, params) {
    const query = params ? '?' + new URLSearchParams(params) : '';
    const response = await fetch(API + path + query, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem detail */ }
      throw new Error(detail);
    }
    return response.json();
  }

  /* What the page shows: the range in hours and the filters, from the address (the form is a GET form). */
  function state() {
    const params = new URLSearchParams(location.search);
    const hours = [24, 48, 168, 720, 2160].includes(Number(params.get('range'))) ? Number(params.get('range')) : 48;
    const filters = {};
    FILTERS.forEach((name) => { if (params.get(name)) filters[name] = params.get(name); });
    return { hours, filters };
  }

  function window_(hours) {
    const to = Math.ceil(Date.now() / HOUR) * HOUR;
    return { from: new Date(to - hours * HOUR).toISOString(), to: new Date(to).toISOString() };
  }

  function drillHref(measure, from, to, filters) {
    const params = new URLSearchParams({ measure, from, to });
    Object.entries(filters).forEach(([name, value]) => value && params.set(name, value));
    return '#complaints?' + params;
  }

  function drillLink(text, href) {
    return href ? el('a', { href, text }) : text;
  }

  /* A chart: an SVG picture (role img, named by its caption and text summary) and the data table behind it. */
  function figure(id, title, rows, options) {
    const captionId = id + '-caption';
    const summaryId = id + '-summary';
    const top = rows.reduce((best, row) => (best == null || row.value > best.value ? row : best), null);
    const summary = !rows.length ? t('chartEmpty')
      : t(rows.length === 1 ? 'chartSummaryOne' : 'chartSummary', { count: rows.length, label: top.label, value: top.text });
    const picture = options.vertical ? columns(rows, options) : bars(rows, options);
    picture.setAttribute('role', 'img');
    picture.setAttribute('aria-labelledby', captionId + ' ' + summaryId);
    picture.setAttribute('data-chart', id);
    const table = el('table', { 'data-table': id },
      el('thead', {}, el('tr', {}, options.headers.map((header) => el('th', { scope: 'col', text: header })))),
      el('tbody', {}, rows.map((row) => el('tr', {},
        el('th', { scope: 'row', text: row.label }),
        row.cells.map((cell) => el('td', {}, drillLink(cell.text, cell.href)))))));
    return el('figure', { id, 'aria-labelledby': captionId },
      el('figcaption', { id: captionId, text: title }),
      picture,
      el('p', { id: summaryId, class: 'summary', text: summary }),
      el('details', {}, el('summary', { text: t('dataTable') }), table));
  }

  function bars(rows, options) {
    const width = 560;
    const labelWidth = 170;
    const rowHeight = 24;
    const height = Math.max(1, rows.length) * rowHeight + 10;
    const max = options.max || Math.max(1, ...rows.map((row) => row.value));
    const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
    if (!rows.length) chart.append(svg('text', { x: 10, y: 20, text: t('noData') }));
    rows.forEach((row, index) => {
      const y = 5 + index * rowHeight;
      const length = Math.max(1, (width - labelWidth - 110) * Math.min(1, row.value / max));
      chart.append(svg('text', { x: labelWidth - 6, y: y + 16, 'text-anchor': 'end', text: row.label }));
      const bar = svg('rect', { class: 'bar', x: labelWidth, y: y + 3, width: length.toFixed(1), height: rowHeight - 6,
        fill: row.color || COLORS[0], 'data-label': row.label });
      bar.append(svg('title', { text: row.label + ': ' + row.text }));
      if (row.href) bar.addEventListener('click', () => { location.hash = row.href; });
      chart.append(bar, svg('text', { x: labelWidth + length + 6, y: y + 16, text: row.text }));
    });
    return chart;
  }

  function columns(rows, options) {
    const width = 560;
    const height = 200;
    const left = 40;
    const top = 10;
    const plotWidth = width - left - 10;
    const plotHeight = height - top - 30;
    const max = Math.max(1, ...rows.map((row) => row.value));
    const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
    chart.append(svg('line', { x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: '#64748b' }));
    chart.append(svg('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', text: number(max) }));
    chart.append(svg('text', { x: left - 4, y: top + plotHeight, 'text-anchor': 'end', text: '0' }));
    const step = plotWidth / Math.max(1, rows.length);
    rows.forEach((row, index) => {
      const h = plotHeight * row.value / max;
      const bar = svg('rect', { class: 'bar', x: (left + index * step + 1).toFixed(1), y: (top + plotHeight - h).toFixed(1),
        width: Math.max(1, step - 2).toFixed(1), height: Math.max(0, h).toFixed(1), fill: options.color || COLORS[0],
        'data-label': row.label });
      bar.append(svg('title', { text: row.label + ': ' + row.text }));
      if (row.href) bar.addEventListener('click', () => { location.hash = row.href; });
      chart.append(bar);
    });
    if (rows.length) {
      chart.append(svg('text', { x: left, y: height - 8, text: rows[0].label }));
      chart.append(svg('text', { x: left + plotWidth, y: height - 8, 'text-anchor': 'end', text: rows[rows.length - 1].label }));
    }
    return chart;
  }

  async function loadOverview() {
    const { hours, filters } = state();
    const { from, to } = window_(hours);
    const base = { from, to, ...filters };
    const daily = hours > 48;
    const [summary, series, retention, hotspots] = await Promise.all([
      api('/summary', base),
      api('/timeseries', { ...base, granularity: daily ? 'day' : 'hour' }),
      filters.region ? Promise.resolve(null) : api('/retention', base),
      api('/hotspots')]);
    Object.keys(summary.byRegion || {}).forEach((region) => regions.add(region));
    last = { hours, filters, from, to, daily, summary, series, retention, hotspots, at: new Date().toISOString() };
    renderOverview();
  }

  function renderFilters() {
    const { hours, filters } = state();
    const form = document.getElementById('filters');
    form.elements.range.value = String(hours);
    form.querySelectorAll('select[data-dimension]').forEach((select) => {
      const dimension = select.dataset.dimension;
      const values = dimension === 'region' ? [...regions, filters.region].filter(Boolean).sort() : DIMS[dimension];
      select.replaceChildren(el('option', { value: '', text: t('all') }),
        ...[...new Set(values)].map((value) => el('option', { value, text: dimension === 'region' ? value : label(dimension, value) })));
      select.value = filters[dimension] || '';
    });
  }

  function renderOverview() {
    renderFilters();
    if (!last) return;
    // A redraw keeps what the viewer had open and where the keyboard was.
    const opened = [...document.querySelectorAll('figure details[open]')].map((details) => details.closest('figure').id);
    const focused = document.activeElement && document.activeElement.closest('#overview') ? document.activeElement.getAttribute('href') : null;
    const { filters, from, to, daily, summary, series, retention, hotspots } = last;
    const totals = summary.totals || {};
    const kpis = ['received', 'triaged', 'opened', 'resolved', 'closed', 'escalated'].map((measure) => el('div', { class: 'kpi', 'data-kpi': measure },
      el('b', {}, drillLink(number(totals[measure] || 0), drillHref(measure, from, to, filters))), measureLabel(measure)));
    kpis.push(el('div', { class: 'kpi', 'data-kpi': 'retention' }, el('b', { text: percent(summary.retention && summary.retention.retentionRate) }), t('retentionRate')));
    if (summary.corrections) {
      kpis.push(el('div', { class: 'kpi', 'data-kpi': 'corrections' }, el('b', {},
        drillLink(percent(summary.corrections.rate), summary.corrections.corrected ? drillHref('corrected', from, to, filters) : null)), t('correctionRate')));
    }
    document.getElementById('kpis').replaceChildren(...kpis);

    document.getElementById('volume-charts').replaceChildren(
      volume(series, from, to, daily, filters),
      ...[['channel', 'byChannel'], ['category', 'byCategory'], ['region', 'byRegion'], ['persona', 'byPersona'], ['playbook', 'byPlaybook']]
        .filter(([, split]) => summary[split] && Object.keys(summary[split]).length)
        .map(([dimension, split]) => received(dimension, split, summary[split], from, to, filters)));
    const quality = [sla(summary.sla || {}, from, to, filters)];
    if (retention) quality.push(retentionChart(retention, from, to, filters));
    quality.push(satisfaction(summary.satisfaction, from, to, filters), times(summary));
    if (summary.corrections) quality.push(correctionsByField(summary.corrections, from, to, filters));
    if (retention && summary.corrections && summary.corrections.corrected > 0) quality.push(correctionsByPlaybook(retention, from, to, filters));
    document.getElementById('quality-charts').replaceChildren(...quality);
    document.getElementById('hotspot-charts').replaceChildren(hotspotChart(hotspots));
    document.getElementById('status').textContent = t('updated', { time: when(last.at) });
    opened.forEach((id) => { const details = document.querySelector('#' + id + ' details'); if (details) details.open = true; });
    if (focused) {
      const again = [...document.querySelectorAll('#overview a[href]')].find((link) => link.getAttribute('href') === focused);
      if (again) again.focus();
    }
  }

  function volume(series, from, to, daily, filters) {
    const step = (daily ? 24 : 1) * HOUR;
    const byPeriod = new Map(series.map((point) => [new Date(point.period).getTime(), point.stages]));
    const rows = [];
    const start = daily ? Math.floor(Date.parse(from) / (24 * HOUR)) * 24 * HOUR : Date.parse(from);
    for (let period = start; period < Date.parse(to); period += step) {
      const stages = byPeriod.get(period) || {};
      const periodFrom = new Date(Math.max(period, Date.parse(from))).toISOString();
      const periodTo = new Date(Math.min(period + step, Date.parse(to))).toISOString();
      const name = new Intl.DateTimeFormat(lang, daily ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
        : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(period));
      const href = drillHref('received', periodFrom, periodTo, filters);
      rows.push({ label: name, value: stages.received || 0, text: number(stages.received || 0), href,
        cells: ['received', 'resolved', 'closed'].map((measure) => ({ text: number(stages[measure] || 0),
          href: stages[measure] ? drillHref(measure, periodFrom, periodTo, filters) : null })) });
    }
    return figure('volume', t(daily ? 'chart.volume.day' : 'chart.volume.hour'), rows,
      { vertical: true, headers: [t('period'), measureLabel('received'), measureLabel('resolved'), measureLabel('closed')] });
  }

  function received(dimension, split, values, from, to, filters) {
    const rows = Object.entries(values).filter(([, stages]) => stages.received > 0).map(([value, stages]) => {
      const href = drillHref('received', from, to, { ...filters, [dimension]: value });
      return { label: dimension === 'region' ? value : label(dimension, value), value: stages.received, text: number(stages.received), href,
        cells: [{ text: number(stages.received), href }, { text: number(stages.closed || 0),
          href: stages.closed ? drillHref('closed', from, to, { ...filters, [dimension]: value }) : null }] };
    });
    return figure('by-' + dimension, t('chart.' + split), rows,
      { headers: [t('dim.' + dimension), measureLabel('received'), measureLabel('closed')] });
  }

  function sla(milestones, from, to, filters) {
    const rows = Object.entries(milestones).filter(([, figures]) => figures.compliance != null).map(([milestone, figures]) => {
      const breached = figures.breached ? drillHref('slaBreached:' + milestone, from, to, filters) : null;
      const met = figures.met ? drillHref('slaMet:' + milestone, from, to, filters) : null;
      const compliance = figures.compliance;
      return { label: label('milestone', milestone), value: compliance, text: percent(compliance), href: breached || met,
        color: compliance >= 0.95 ? COLORS[1] : compliance >= 0.8 ? COLORS[2] : COLORS[3],
        cells: [{ text: number(figures.met), href: met }, { text: number(figures.breached), href: breached }, { text: percent(compliance) }] };
    });
    return figure('sla', t('chart.sla'), rows, { max: 1, headers: [t('attr.milestone'), t('met'), t('breached'), t('compliance')] });
  }

  function retentionChart(playbooks, from, to, filters) {
    const rows = playbooks.filter((playbook) => playbook.retention.retentionRate != null).map((playbook) => {
      const href = drillHref('closed', from, to, { ...filters, playbook: playbook.playbook });
      return { label: label('playbook', playbook.playbook), value: playbook.retention.retentionRate,
        text: percent(playbook.retention.retentionRate), href, color: COLORS[1],
        cells: [{ text: number(playbook.retention.closed), href }, { text: percent(playbook.retention.retentionRate) }] };
    });
    return figure('retention', t('chart.retention'), rows, { max: 1, headers: [t('dim.playbook'), t('closed'), t('retentionRate')] });
  }

  function correctionsByField(corrections, from, to, filters) {
    const rows = Object.entries(corrections.byField || {}).map(([field, figures]) => {
      const href = figures.corrected ? drillHref('correctedField:' + field, from, to, filters) : null;
      const checked = figures.checked ? drillHref('checkedField:' + field, from, to, filters) : null;
      return { label: label('field', field), value: figures.rate || 0, text: percent(figures.rate), href, color: COLORS[5],
        cells: [{ text: number(figures.corrected), href }, { text: percent(figures.rate) },
          { text: number(figures.checked), href: checked }, { text: percent(figures.checkedWrongRate) }] };
    });
    return figure('corrections-by-field', t('chart.correctionsByField'), rows, { max: Math.max(0.05, ...rows.map((row) => row.value)),
      headers: [t('field'), t('corrected'), t('correctionRate'), t('checked'), t('checkedWrongRate')] });
  }

  function correctionsByPlaybook(playbooks, from, to, filters) {
    const rows = playbooks.filter((playbook) => playbook.corrections && playbook.corrections.triaged > 0).map((playbook) => {
      const corrections = playbook.corrections;
      const href = corrections.corrected ? drillHref('corrected', from, to, { ...filters, playbook: playbook.playbook }) : null;
      return { label: label('playbook', playbook.playbook), value: corrections.rate || 0, text: percent(corrections.rate), href,
        color: COLORS[5], cells: [{ text: number(corrections.triaged) }, { text: number(corrections.corrected), href }, { text: percent(corrections.rate) }] };
    });
    return figure('corrections-by-playbook', t('chart.correctionsByPlaybook'), rows, { max: Math.max(0.05, ...rows.map((row) => row.value)),
      headers: [t('dim.playbook'), t('triaged'), t('corrected'), t('correctionRate')] });
  }

  function satisfaction(figures, from, to, filters) {
    const distribution = (figures && figures.distribution) || {};
    const rows = Object.entries(distribution).filter(([, count]) => count > 0).map(([score, count]) => {
      const href = drillHref('satisfaction:' + score, from, to, filters);
      return { label: measureLabel('satisfaction:' + score), value: count, text: number(count), href, color: COLORS[4],
        cells: [{ text: number(count), href }] };
    });
    const chart = figure('satisfaction', t('chart.satisfaction'), rows, { headers: [t('value'), t('count')] });
    if (figures && figures.count) {
      chart.insertBefore(el('p', { class: 'summary', text: t('average', { value: number(figures.average), count: number(figures.count) }) }), chart.children[1]);
    }
    return chart;
  }

  function times(summary) {
    const row = (key, figures) => el('tr', {}, el('th', { scope: 'row', text: t(key) }),
      ['count', 'meanMinutes', 'p50Minutes', 'p90Minutes', 'p99Minutes'].map((name) => el('td', { text: number(figures && figures[name]) })));
    return el('figure', { id: 'times', 'aria-labelledby': 'times-caption' },
      el('figcaption', { id: 'times-caption', text: t('chart.times') }),
      el('table', { 'data-table': 'times' },
        el('thead', {}, el('tr', {}, ['times.what', 'times.n', 'times.mean', 'times.p50', 'times.p90', 'times.p99']
          .map((key) => el('th', { scope: 'col', text: t(key) })))),
        el('tbody', {}, row('times.firstResponse', summary.firstResponse), row('times.resolution', summary.resolution))));
  }

  function hotspotChart(hotspots) {
    const rows = hotspots.slice(0, 10).map((hotspot) => {
      // the window the server counted (its configured length, on its clock)
      const href = drillHref('received', hotspot.from, hotspot.to, { region: hotspot.region, category: hotspot.category });
      const name = hotspot.region + ' · ' + label('category', hotspot.category);
      return { label: name, value: hotspot.growthFactor, text: '×' + number(hotspot.growthFactor), href, color: COLORS[3],
        cells: [{ text: number(hotspot.current), href }, { text: number(hotspot.baseline) }, { text: '×' + number(hotspot.growthFactor) }] };
    });
    return figure('hotspots', t('chart.hotspots'), rows, { headers: [t('dim.region'), t('current'), t('baseline'), t('growth')] });
  }

  async function loadDrill(params) {
    const filters = {};
    FILTERS.forEach((name) => { if (params.get(name)) filters[name] = params.get(name); });
    const list = await api('/complaints', { ...Object.fromEntries(params), limit: 50 });
    const described = Object.entries(filters).map(([name, value]) => t('dim.' + name) + ': ' + (name === 'region' ? value : label(name, value)));
    const title = document.getElementById('drill-title');
    title.textContent = t('drill.title', { measure: measureLabel(list.measure), filters: described.join(', ') || t('drill.noFilter') });
    document.getElementById('drill-count').textContent = t('drill.count',
      { total: number(list.total), shown: number(list.complaints.length), from: when(list.from), to: when(list.to) });
    const headers = ['col.complaint', 'col.started', 'col.counted', 'col.stage', 'dim.channel', 'dim.category', 'dim.region', 'dim.persona', 'dim.playbook'];
    const table = el('table', { 'data-table': 'complaints' },
      el('thead', {}, el('tr', {}, headers.map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, list.complaints.map((complaint) => el('tr', { 'data-complaint': complaint.complaintId },
        el('th', { scope: 'row' }, el('a', { href: '#complaint/' + encodeURIComponent(complaint.complaintId), text: complaint.complaintId })),
        el('td', { text: complaint.startedAt ? when(complaint.startedAt) : '–' }),
        el('td', { text: complaint.countedAt ? when(complaint.countedAt) : '–' }),
        el('td', { text: complaint.stage ? measureLabel(complaint.stage) : '–' }),
        el('td', { text: label('channel', complaint.channel) }),
        el('td', { text: label('category', complaint.category) }),
        el('td', { text: complaint.region === 'UNKNOWN' ? label('region', 'UNKNOWN') : complaint.region }),
        el('td', { text: label('persona', complaint.persona) }),
        el('td', { text: label('playbook', complaint.playbook) })))));
    document.getElementById('drill-table').replaceChildren(table);
    title.focus();
  }

  async function loadTimeline(complaintId) {
    const timeline = await api('/complaints/' + encodeURIComponent(complaintId) + '/timeline');
    const title = document.getElementById('timeline-title');
    title.textContent = t('timeline.title', { id: timeline.complaintId });
    document.getElementById('timeline-back').setAttribute('href', lastDrill);
    const items = timeline.events.map((event) => el('li', { 'data-event': event.type },
      el('time', { datetime: event.occurredAt, text: when(event.occurredAt) }), ' — ',
      el('strong', { text: t('event.' + event.type) }), ' ', t('timeline.from', { source: t('source.' + event.source) }),
      el('div', { class: 'attrs', text: attributes(event.attributes || {}) })));
    document.getElementById('timeline-events').replaceChildren(...(items.length ? items : [el('li', { text: t('timeline.empty') })]));
    title.focus();
  }

  function attributes(values) {
    return Object.entries(values).map(([name, value]) => {
      let text;
      if (Array.isArray(value)) {
        text = value.map((item) => (item && typeof item === 'object' ? anyLabel(item.kind) : anyLabel(item))).join(', ');
      }
      else if (value && typeof value === 'object') text = JSON.stringify(value);
      else text = typeof value === 'boolean' ? (value ? '✓' : '✗') : anyLabel(value);
      return t('attr.' + name) + ': ' + text;
    }).join(' · ');
  }

  function show(view) {
    ['overview', 'drill', 'timeline'].forEach((id) => { document.getElementById(id).hidden = id !== view; });
  }

  function fail(error) {
    document.getElementById('error').textContent = t('apiError', { detail: error.message });
  }

  async function route() {
    const hash = location.hash;
    document.getElementById('error').textContent = '';
    try {
      if (hash.startsWith('#complaints?')) {
        lastDrill = hash;
        show('drill');
        await loadDrill(new URLSearchParams(hash.slice('#complaints?'.length)));
      }
      else if (hash.startsWith('#complaint/')) {
        show('timeline');
        await loadTimeline(decodeURIComponent(hash.slice('#complaint/'.length)));
      }
      else {
        show('overview');
        if (!last) await loadOverview();
        const target = hash && document.getElementById(hash.slice(1));
        if (target && hash !== '#overview') target.scrollIntoView();
      }
    }
    catch (error) {
      fail(error);
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-aria-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel)));
    document.querySelectorAll('button[data-lang]').forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.lang === lang)));
  }

  document.querySelectorAll('button[data-lang]').forEach((button) => button.addEventListener('click', () => {
    lang = button.dataset.lang;
    localStorage.setItem(LANG_KEY, lang);
    applyLanguage();
    renderOverview();
    if (!document.getElementById('overview').hidden) return;
    route();
  }));

  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const form = event.target;
    params.set('range', form.elements.range.value);
    FILTERS.forEach((name) => { if (form.elements[name].value) params.set(name, form.elements[name].value); });
    history.replaceState(null, '', '/dashboard?' + params);
    loadOverview().then(() => { document.getElementById('error').textContent = ''; }).catch(fail);
  });

  document.getElementById('clear').addEventListener('click', () => {
    history.replaceState(null, '', '/dashboard');
    loadOverview().catch(fail);
  });

  window.addEventListener('hashchange', route);
  setInterval(() => {
    if (!document.hidden && !document.getElementById('overview').hidden) loadOverview().catch(fail);
  }, REFRESH_MS);

  applyLanguage();
  renderFilters();
  route();
})();
