// The web map's behaviour: filters, map points, control by place at the
// slider's date, the timeline chart, the event list and the evidence panel.
// Every text from the API is inserted with textContent (through `el`), never
// as HTML.
'use strict';

// ACLED event types in codebook order, and their colours.
const TYPES = [
  ['Battles', '#d7301f'],
  ['Explosions/Remote violence', '#fd8d3c'],
  ['Violence against civilians', '#7a0177'],
  ['Protests', '#2b8cbe'],
  ['Riots', '#41ab5d'],
  ['Strategic developments', '#737373'],
];
const TYPE_COLOUR = new Map(TYPES);
// Above this many points in view, markers are clustered.
const CLUSTER_ABOVE = 1500;
// Most points fetched for one view; the status line says when there are more.
const POINT_LIMIT = 20000;
const DAY_MS = 86400000;
// Without "all events up to the date", the map shows this many days up to the slider.
const WINDOW_DAYS = 30;
// Above this many events, the map starts with the window rather than everything.
const CUMULATIVE_UP_TO = 20000;
// Control holders named in the legend.
const LEGEND_HOLDERS = 6;

const state = {
  filters: {},
  days: [], // every date (YYYY-MM-DD) from the first to the last event
  slider: 0,
  byDay: new Map(), // date -> Map(type -> count)
  control: [], // control spans
  listCursor: null,
  articles: new Map(), // article id -> promise of the article
  playing: null,
  pointsRequest: 0,
};

// ---- small helpers ----------------------------------------------------------

/** Creates an element; string children become text nodes, so nothing is parsed as HTML. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) {
    const err = body && body.error ? body.error : { code: 'http', message: res.statusText };
    throw new Error(`${err.code}: ${err.message}`);
  }
  return body;
}

function setStatus(text) {
  document.getElementById('status').textContent = text;
}

function dateAdd(iso, days) {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A stable colour for a control holder. */
function holderColour(holder) {
  const palette = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4'];
  let h = 0;
  for (const ch of holder) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return palette[h % palette.length];
}

function radiusFor(fatalities) {
  return Math.min(22, 4 + 2 * Math.sqrt(fatalities || 0));
}

// ---- map ----------------------------------------------------------------------

const map = L.map('map', { preferCanvas: false, worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([34.5, 40], 6);
map.attributionControl.addAttribution('Natural Earth (world-atlas)');
// Panes keep the drawing order whatever loads first: basemap, control, events.
map.createPane('basemap').style.zIndex = 250;
map.createPane('control').style.zIndex = 390;
const controlLayer = L.layerGroup().addTo(map);
let pointsLayer = L.layerGroup().addTo(map);

async function loadBasemap() {
  const topo = await (await fetch('/assets/countries-50m.json')).json();
  const countries = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(countries, {
    interactive: false,
    pane: 'basemap',
    style: { color: '#8a8f98', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
  }).addTo(map);
}

function pointParams() {
  const f = state.filters;
  const day = state.days[state.slider];
  const cumulative = document.getElementById('cumulative').checked;
  const params = { ...f };
  if (day) {
    params.to = f.to && f.to < day ? f.to : day;
    if (!cumulative) {
      const windowStart = dateAdd(day, 1 - WINDOW_DAYS);
      params.from = f.from && f.from > windowStart ? f.from : windowStart;
    }
  }
  const b = map.getBounds();
  const west = Math.max(-180, b.getWest());
  const east = Math.min(180, b.getEast());
  params.bbox = [west, b.getSouth(), east, b.getNorth()].map((x) => x.toFixed(4)).join(',');
  params.limit = POINT_LIMIT;
  return params;
}

async function loadPoints() {
  const ticket = ++state.pointsRequest;
  let body;
  try {
    body = await api('/api/points', pointParams());
  } catch (e) {
    setStatus(String(e.message));
    return;
  }
  if (ticket !== state.pointsRequest) return; // a newer request superseded this one
  map.removeLayer(pointsLayer);
  const cluster = body.points.length > CLUSTER_ABOVE;
  pointsLayer = cluster ? L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 50 }) : L.layerGroup();
  const markers = body.points.map(([id, lat, lon, type, fatalities, date]) => {
    const m = L.circleMarker([lat, lon], {
      radius: radiusFor(fatalities),
      color: '#222',
      weight: 1,
      fillColor: TYPE_COLOUR.get(type) || '#999',
      fillOpacity: 0.8,
      className: 'ev-marker',
    });
    m.bindTooltip(el('span', {}, `${date} · ${type} · ${fatalities} killed`));
    m.on('click', () => showEvent(id));
    return m;
  });
  if (cluster) pointsLayer.addLayers(markers);
  else markers.forEach((m) => pointsLayer.addLayer(m));
  pointsLayer.addTo(map);
  const shown = body.points.length;
  setStatus(body.truncated ? `${shown} of ${body.total}${body.total_capped ? '+' : ''} events in view — zoom in or filter to see all` : `${shown} events in view`);
}

// ---- control by place -----------------------------------------------------------

/** Whether a span covers `day`; a span without `from` began before anything we know. */
function spanActive(span, day) {
  return (!span.from || span.from <= day) && (!span.to || day < span.to);
}

function drawControl() {
  controlLayer.clearLayers();
  const day = state.days[state.slider];
  if (!day) return;
  const byPlace = new Map();
  for (const s of state.control) {
    const key = s.geonameid ?? s.place;
    if (spanActive(s, day)) byPlace.set(key, s);
  }
  for (const s of byPlace.values()) {
    const colour = holderColour(s.holder);
    const m = L.circleMarker([s.latitude, s.longitude], {
      radius: 16,
      color: colour,
      weight: 3,
      dashArray: s.state === 'held' ? null : '4 4',
      fillColor: colour,
      fillOpacity: 0.15,
      className: 'control-marker',
      pane: 'control',
    });
    m.bindTooltip(el('span', {}, `${s.place}: ${s.state} by ${s.holder}${s.from ? ` since ${s.from}` : ''}`));
    m.on('click', () => showPlace(s.geonameid ?? s.place, s.place));
    controlLayer.addLayer(m);
  }
}

// ---- slider, play and the chart ---------------------------------------------------

function setSlider(i) {
  state.slider = Math.max(0, Math.min(state.days.length - 1, i));
  document.getElementById('slider').value = state.slider;
  document.getElementById('slider-date').textContent = state.days[state.slider] || '';
  drawControl();
  drawChart();
  schedulePoints();
}

let pointsTimer = null;
function schedulePoints() {
  clearTimeout(pointsTimer);
  pointsTimer = setTimeout(loadPoints, 120);
}

function togglePlay() {
  const button = document.getElementById('play');
  if (state.playing) {
    clearInterval(state.playing);
    state.playing = null;
    button.textContent = '▶';
    return;
  }
  if (state.slider >= state.days.length - 1) setSlider(0);
  const step = Math.max(1, Math.round(state.days.length / 120));
  button.textContent = '❚❚';
  state.playing = setInterval(() => {
    if (state.slider >= state.days.length - 1) {
      togglePlay();
      return;
    }
    setSlider(state.slider + step);
  }, 350);
}

function drawChart() {
  const canvas = document.getElementById('chart');
  const width = canvas.clientWidth;
  canvas.width = width * devicePixelRatio;
  canvas.height = 90 * devicePixelRatio;
  const ctx = canvas.getContext('2d');
  ctx.scale(devicePixelRatio, devicePixelRatio);
  ctx.clearRect(0, 0, width, 90);
  const n = state.days.length;
  if (n === 0) return;
  let max = 1;
  for (const counts of state.byDay.values()) {
    let total = 0;
    for (const c of counts.values()) total += c;
    max = Math.max(max, total);
  }
  const barW = width / n;
  state.days.forEach((day, i) => {
    const counts = state.byDay.get(day);
    if (!counts) return;
    let y = 88;
    for (const [type, colour] of TYPES) {
      const c = counts.get(type) || 0;
      if (!c) continue;
      const h = (c / max) * 80;
      ctx.fillStyle = colour;
      ctx.fillRect(i * barW, y - h, Math.max(1, barW - 0.5), h);
      y -= h;
    }
  });
  ctx.fillStyle = '#000';
  ctx.fillRect((state.slider + 0.5) * barW - 1, 0, 2, 90);
}

async function loadStats() {
  const stats = await api('/api/stats', state.filters);
  state.byDay = new Map();
  for (const row of stats.by_day) {
    if (!state.byDay.has(row.date)) state.byDay.set(row.date, new Map());
    state.byDay.get(row.date).set(row.event_type, row.events);
  }
  const first = state.filters.from || stats.first_date;
  const last = state.filters.to || stats.last_date;
  const keep = state.days[state.slider];
  state.days = [];
  if (first && last) {
    for (let d = first; d <= last && state.days.length < 20000; d = dateAdd(d, 1)) state.days.push(d);
  }
  const slider = document.getElementById('slider');
  slider.max = Math.max(0, state.days.length - 1);
  const at = state.days.indexOf(keep);
  setSlider(at >= 0 ? at : state.days.length - 1);
  return stats;
}

// ---- event list ---------------------------------------------------------------------

function eventItem(ev) {
  const colour = TYPE_COLOUR.get(ev.event_type) || '#999';
  return el(
    'li',
    { class: 'event', tabindex: '0', onclick: () => showEvent(ev.event_id), onkeydown: (e) => e.key === 'Enter' && showEvent(ev.event_id) },
    el('span', { class: 'swatch', style: `background:${colour}` }),
    el('strong', {}, ev.sub_event_type),
    ` · ${ev.event_date} · ${ev.location || ev.country}`,
    el('br'),
    el('span', { class: 'actors' }, [ev.actor1, ev.actor2].filter(Boolean).join(' vs ')),
    ev.fatalities ? el('span', { class: 'toll' }, ` · ${ev.fatalities} killed`) : null,
  );
}

async function loadList(append) {
  const params = { ...state.filters, limit: 50 };
  if (append && state.listCursor) params.cursor = state.listCursor;
  const page = await api('/api/events', params);
  const ol = document.getElementById('events');
  if (!append) ol.replaceChildren();
  page.events.forEach((ev) => ol.append(eventItem(ev)));
  state.listCursor = page.next;
  document.getElementById('more').hidden = !page.next;
  document.getElementById('list-head').textContent = `${page.total}${page.total_capped ? '+' : ''} events, newest first`;
}

// ---- detail: one event and its evidence ---------------------------------------------

function showTab(name) {
  document.querySelectorAll('.tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((s) => s.classList.toggle('active', s.id === name));
}

function article(id) {
  if (!state.articles.has(id)) state.articles.set(id, api(`/api/articles/${encodeURIComponent(id)}`));
  return state.articles.get(id);
}

/** The article text with [start, end) (Unicode scalar values) marked. */
function highlighted(text, start, end) {
  const chars = Array.from(text);
  const from = Math.max(0, start - 400);
  const to = Math.min(chars.length, end + 400);
  return el(
    'blockquote',
    { class: 'article-text' },
    from > 0 ? '… ' : '',
    chars.slice(from, start).join(''),
    el('mark', {}, chars.slice(start, end).join('')),
    chars.slice(end, to).join(''),
    to < chars.length ? ' …' : '',
  );
}

function field(name, value) {
  if (value === null || value === undefined || value === '') return null;
  return el('tr', {}, el('th', {}, name), el('td', {}, String(value)));
}

async function showEvent(id) {
  const detail = document.getElementById('detail');
  showTab('detail');
  detail.replaceChildren(el('p', {}, 'loading…'));
  let body;
  try {
    body = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (e) {
    detail.replaceChildren(el('p', { class: 'error' }, e.message));
    return;
  }
  const ev = body.event;
  const colour = TYPE_COLOUR.get(ev.event_type) || '#999';
  const claims = el('table', { class: 'claims' }, el('tr', {}, el('th', {}, 'source'), el('th', {}, 'article'), el('th', {}, 'killed')));
  for (const c of ev.claims || []) {
    claims.append(el('tr', {}, el('td', {}, c.source), el('td', {}, c.article_id), el('td', {}, c.fatalities ?? '')));
  }
  const evidence = el('div', { class: 'evidence' });
  detail.replaceChildren(
    el('h2', {}, el('span', { class: 'swatch', style: `background:${colour}` }), ev.sub_event_type),
    el('p', { class: 'notes' }, ev.notes),
    el(
      'table',
      { class: 'fields' },
      field('date', `${ev.event_date} (precision ${ev.time_precision})`),
      field('event type', ev.event_type),
      field('actor 1', ev.actor1),
      field('associated', ev.assoc_actor_1),
      field('actor 2', ev.actor2),
      field('associated', ev.assoc_actor_2),
      field('interaction', ev.interaction),
      field('location', [ev.location, ev.admin2, ev.admin1, ev.country].filter(Boolean).join(', ')),
      field('coordinates', ev.latitude != null ? `${ev.latitude}, ${ev.longitude} (precision ${ev.geo_precision})` : null),
      field('fatalities', `${ev.fatalities} (low ${ev.fatalities_low}, best ${ev.fatalities_best}, high ${ev.fatalities_high})`),
      field('sources', ev.source),
      field('confidence', ev.confidence != null ? ev.confidence.toFixed(2) : null),
      field('event id', ev.event_id),
    ),
    el('h3', {}, 'claims by source'),
    claims,
    el('h3', {}, 'evidence'),
    evidence,
  );
  if (ev.latitude != null) map.panTo([ev.latitude, ev.longitude]);
  for (const span of ev.evidence || []) {
    const box = el('div', { class: 'span' }, el('p', { class: 'meta' }, `${span.source || 'unattributed'} — ${span.article_id}`));
    evidence.append(box);
    try {
      const a = await article(span.article_id);
      box.append(
        el('p', { class: 'meta' }, [a.title, a.outlet, a.published].filter(Boolean).join(' · ')),
        highlighted(a.text, span.start, span.end),
      );
    } catch (e) {
      box.append(el('blockquote', {}, el('mark', {}, span.text)), el('p', { class: 'error' }, e.message));
    }
  }
  if (ev.geonameid && state.control.some((s) => s.geonameid === ev.geonameid)) showControlTimeline(detail, ev.geonameid);
}

// ---- detail: a place's control timeline ------------------------------------------------

async function showControlTimeline(container, placeId) {
  let body;
  try {
    body = await api(`/api/places/${encodeURIComponent(placeId)}/control`);
  } catch (e) {
    return;
  }
  if (!body.spans.length) return;
  const first = state.days[0];
  const last = state.days[state.days.length - 1];
  const total = Math.max(1, (Date.parse(last) - Date.parse(first)) / DAY_MS + 1);
  const bar = el('div', { class: 'control-bar' });
  const rows = el('table', { class: 'claims' }, el('tr', {}, el('th', {}, 'holder'), el('th', {}, 'state'), el('th', {}, 'from'), el('th', {}, 'to')));
  for (const s of body.spans) {
    const start = s.from ? Math.max(0, (Date.parse(s.from) - Date.parse(first)) / DAY_MS) : 0;
    const end = s.to ? (Date.parse(s.to) - Date.parse(first)) / DAY_MS : total;
    const seg = el('div', { class: `seg ${s.state}`, title: `${s.holder} (${s.state}) ${s.from || '…'} – ${s.to || 'now'}` });
    seg.style.left = `${(100 * start) / total}%`;
    seg.style.width = `${Math.max(0.5, (100 * (end - start)) / total)}%`;
    seg.style.background = holderColour(s.holder);
    bar.append(seg);
    rows.append(el('tr', {}, el('td', {}, s.holder), el('td', {}, s.state), el('td', {}, s.from || '…'), el('td', {}, s.to || '—')));
  }
  container.append(el('h3', {}, `control of ${body.place}`), bar, rows);
}

async function showPlace(id, name) {
  const detail = document.getElementById('detail');
  showTab('detail');
  detail.replaceChildren(el('h2', {}, name));
  await showControlTimeline(detail, id);
}

// ---- filters and start-up -------------------------------------------------------------------

function readFilters() {
  const form = document.getElementById('filters');
  const f = {};
  for (const [k, v] of new FormData(form).entries()) if (v) f[k] = String(v).trim();
  return f;
}

async function refresh() {
  state.filters = readFilters();
  setStatus('loading…');
  try {
    await Promise.all([loadStats(), loadList(false)]);
  } catch (e) {
    setStatus(e.message);
  }
}

function legend() {
  const box = document.getElementById('legend');
  for (const [type, colour] of TYPES) {
    box.append(el('span', { class: 'item' }, el('span', { class: 'swatch', style: `background:${colour}` }), type));
  }
  // The most frequent holders only: the legend must not crowd out the map.
  const counts = new Map();
  for (const s of state.control) counts.set(s.holder, (counts.get(s.holder) || 0) + 1);
  const holders = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, LEGEND_HOLDERS).map(([h]) => h);
  for (const h of holders) {
    box.append(el('span', { class: 'item' }, el('span', { class: 'ring', style: `border-color:${holderColour(h)}` }), `held by ${h}`));
  }
}

async function start() {
  const select = document.querySelector('select[name=type]');
  for (const [type] of TYPES) select.append(el('option', { value: type }, type));
  document.getElementById('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    refresh();
  });
  document.getElementById('filters').addEventListener('reset', () => setTimeout(refresh, 0));
  document.getElementById('slider').addEventListener('input', (e) => setSlider(Number(e.target.value)));
  document.getElementById('cumulative').addEventListener('change', schedulePoints);
  document.getElementById('play').addEventListener('click', togglePlay);
  document.getElementById('more').addEventListener('click', () => loadList(true));
  document.getElementById('chart').addEventListener('click', (e) => {
    const r = e.target.getBoundingClientRect();
    setSlider(Math.floor(((e.clientX - r.left) / r.width) * state.days.length));
  });
  document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
  map.on('moveend', schedulePoints);
  window.addEventListener('resize', drawChart);
  try {
    const [control, actors] = await Promise.all([api('/api/control'), api('/api/actors', { limit: 500 })]);
    state.control = control.spans;
    const list = document.getElementById('actor-list');
    for (const a of actors.actors) list.append(el('option', { value: a.actor }));
  } catch (e) {
    setStatus(e.message);
  }
  legend();
  const stats = await api('/api/stats');
  document.getElementById('cumulative').checked = stats.events <= CUMULATIVE_UP_TO;
  if (stats.bbox) {
    const [w, s, e, n] = stats.bbox;
    map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 9 });
  }
  await refresh();
  loadBasemap().catch((e) => setStatus(`basemap: ${e.message}`));
}

start();
