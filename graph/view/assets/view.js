// kg view: the page's own code (graph, filters, timeline, map, table).
// Cytoscape.js draws the graph and topojson-client decodes the world
// outline; everything else is here. docs/view.md describes the page.
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('kg-data').textContent);
  var WORLD = JSON.parse(document.getElementById('kg-world').textContent);

  var TYPE_COLORS = {
    Country: '#4e79a7', Person: '#f28e2b', Organization: '#59a14f',
    Location: '#b07aa1', Group: '#e15759', Weapon: '#9c755f'
  };
  var QUADS = [
    { key: '1', name: 'verbal cooperation', color: '#26a69a' },
    { key: '2', name: 'material cooperation', color: '#43a047' },
    { key: '3', name: 'verbal conflict', color: '#fb8c00' },
    { key: '4', name: 'material conflict', color: '#e53935' },
    { key: 'static', name: 'static relation', color: '#8d8d8d' }
  ];
  var QUAD_BY_KEY = {};
  QUADS.forEach(function (q) { QUAD_BY_KEY[q.key] = q; });
  var PAGE_SIZE = 100;

  // ---------- data ----------
  var col = {};
  D.relationColumns.forEach(function (c, i) { col[c] = i; });
  var entities = new Map();
  (D.entities || []).forEach(function (e) { entities.set(e.id, e); });
  var documents = new Map();
  (D.documents || []).forEach(function (d) { documents.set(d.id, d); });
  var sentences = D.sentences || [];

  function docName(id) {
    var d = documents.get(id);
    if (!d) return id;
    return d.title || d.path || id;
  }

  var relations = (D.relations || []).map(function (r) {
    var cameo = r[col.cameo] || '';
    var s = entities.get(r[col.subject]);
    var o = entities.get(r[col.object]);
    return {
      id: r[col.id], s: r[col.subject], o: r[col.object], rel: r[col.relation],
      pred: r[col.predicate], cameo: cameo, root: cameo.slice(0, 2),
      quad: cameo ? String(r[col.quad]) : 'static', gold: r[col.goldstein],
      neg: r[col.negated], date: r[col.date] || '', doc: r[col.document],
      si: r[col.sentenceIndex], sentenceText: sentences[r[col.sentence]] || '',
      conf: r[col.confidence], dsrc: r[col.dateSource], mod: r[col.modality] || '',
      src: r[col.source], role: r[col.role], instr: r[col.instrument], rule: r[col.rule] || '',
      place: r[col.place] || '', psrc: r[col.placeSource] || '', lat: r[col.lat], lon: r[col.lon],
      subjectName: s ? s.name : r[col.subject], objectName: o ? o.name : r[col.object],
      docName: docName(r[col.document])
    };
  });
  var relByID = new Map();
  relations.forEach(function (r) { relByID.set(r.id, r); });

  // ---------- helpers ----------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c == null) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function svgEl(tag, attrs) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function cameoLabel(code) {
    if (!code) return '';
    var name = D.cameo[code] || '';
    return name ? code + ' ' + name : code;
  }

  // ---------- filters ----------
  var roots = [];
  for (var i = 1; i <= 20; i++) roots.push((i < 10 ? '0' : '') + i);
  roots.forEach(function (r) {
    $('f-root').appendChild(el('option', { value: r, text: r + ' ' + (D.cameo[r] || '').toLowerCase() }));
  });
  QUADS.forEach(function (q) {
    var sw = el('span', { class: 'swatch line' + (q.key === 'static' ? ' dashed' : ''), style: 'background:' + q.color });
    $('f-quad').appendChild(el('label', null, [el('input', { type: 'checkbox', value: q.key, checked: '' }), sw, q.name]));
  });
  (D.types || Object.keys(TYPE_COLORS)).forEach(function (t) {
    var sw = el('span', { class: 'swatch', style: 'background:' + (TYPE_COLORS[t] || '#999') });
    $('f-type').appendChild(el('label', null, [el('input', { type: 'checkbox', value: t, checked: '' }), sw, t]));
  });
  (D.documents || []).forEach(function (d) {
    $('f-doc').appendChild(el('option', { value: d.id, text: (d.published ? d.published + ' ' : '') + docName(d.id) }));
  });
  var modalities = Array.from(new Set(relations.map(function (r) { return r.mod; }).filter(Boolean))).sort();
  modalities.forEach(function (m) { $('f-mod').appendChild(el('option', { value: m, text: m })); });
  var dates = relations.map(function (r) { return r.date; }).filter(Boolean).sort();
  if (dates.length) {
    ['f-from', 'f-to'].forEach(function (id) { $(id).min = dates[0]; $(id).max = dates[dates.length - 1]; });
  }

  function checked(fieldset) {
    var set = new Set();
    $(fieldset).querySelectorAll('input:checked').forEach(function (c) { set.add(c.value); });
    return set;
  }

  function readFilter() {
    return {
      from: $('f-from').value, to: $('f-to').value, root: $('f-root').value,
      quads: checked('f-quad'), types: checked('f-type'), doc: $('f-doc').value,
      neg: $('f-neg').value, mod: $('f-mod').value, conf: parseFloat($('f-conf').value) || 0,
      isolated: $('f-isolated').checked
    };
  }

  function passes(r, f) {
    if (f.from && (!r.date || r.date < f.from)) return false;
    if (f.to && (!r.date || r.date > f.to)) return false;
    if (f.root === 'static' && r.cameo) return false;
    if (f.root && f.root !== 'static' && r.root !== f.root) return false;
    if (!f.quads.has(r.quad)) return false;
    var s = entities.get(r.s), o = entities.get(r.o);
    if (!s || !o || !f.types.has(s.type) || !f.types.has(o.type)) return false;
    if (f.doc && r.doc !== f.doc) return false;
    if (f.neg === 'asserted' && r.neg) return false;
    if (f.neg === 'negated' && !r.neg) return false;
    if (f.mod && r.mod !== f.mod) return false;
    if (r.conf < f.conf) return false;
    return true;
  }

  // ---------- graph ----------
  var cy = cytoscape({
    container: $('cy'),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', 'width': 'data(size)', 'height': 'data(size)',
        'label': 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 2,
        'text-outline-color': '#fff', 'text-outline-width': 2, 'color': '#222',
        'min-zoomed-font-size': 7 } },
      { selector: 'edge', style: {
        'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle',
        'width': 'data(width)', 'curve-style': 'bezier', 'arrow-scale': 0.8, 'opacity': 0.85 } },
      { selector: 'edge[?static]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[?negated]', style: { 'line-style': 'dotted' } },
      { selector: 'edge.labeled', style: {
        'label': 'data(label)', 'font-size': 8, 'text-rotation': 'autorotate', 'color': '#555',
        'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
        'min-zoomed-font-size': 6 } },
      { selector: 'edge.haystack', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#1565c0', 'line-color': '#1565c0', 'target-arrow-color': '#1565c0', 'opacity': 1 } },
      { selector: '.faded', style: { 'opacity': 0.12 } },
      { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#fdd835' } }
    ]
  });

  var current = []; // relations passing the filter
  var timings = {}; // milliseconds of the last update's steps
  var drawn = { nodes: 0, edges: 0, aggregated: false, capped: false };

  function nodeSize(e) { return Math.min(70, 14 + 7 * Math.sqrt(e.mentions || 1)); }

  function drawGraph(rels, f) {
    var aggregated = rels.length > D.maxEdges;
    var edges = [];
    if (aggregated) {
      var groups = new Map();
      rels.forEach(function (r) {
        var key = r.s + '|' + r.rel + '|' + r.o;
        var g = groups.get(key);
        if (!g) { g = { s: r.s, o: r.o, rel: r.rel, quad: r.quad, neg: true, ids: [] }; groups.set(key, g); }
        g.ids.push(r.id);
        g.neg = g.neg && r.neg;
      });
      var n = 0;
      groups.forEach(function (g) {
        edges.push({ id: 'agg' + (n++), s: g.s, o: g.o, rel: g.rel, quad: g.quad, neg: g.neg, ids: g.ids });
      });
    } else {
      rels.forEach(function (r) {
        edges.push({ id: r.id, s: r.s, o: r.o, rel: r.rel + (r.cameo ? ' ' + r.cameo : ''), quad: r.quad, neg: r.neg, ids: [r.id] });
      });
    }
    // Nodes: the endpoints, and optionally every actor of a chosen type.
    var degree = new Map();
    edges.forEach(function (e) {
      degree.set(e.s, (degree.get(e.s) || 0) + e.ids.length);
      degree.set(e.o, (degree.get(e.o) || 0) + e.ids.length);
    });
    if (f.isolated) {
      entities.forEach(function (e) { if (f.types.has(e.type) && !degree.has(e.id)) degree.set(e.id, 0); });
    }
    var ids = Array.from(degree.keys());
    var capped = ids.length > D.maxNodes;
    if (capped) {
      ids.sort(function (a, b) { return degree.get(b) - degree.get(a) || entities.get(b).mentions - entities.get(a).mentions; });
      ids = ids.slice(0, D.maxNodes);
    }
    var keep = new Set(ids);
    edges = edges.filter(function (e) { return keep.has(e.s) && keep.has(e.o); });

    var els = [];
    ids.forEach(function (id) {
      var e = entities.get(id);
      els.push({ group: 'nodes', data: { id: id, label: e.name, color: TYPE_COLORS[e.type] || '#999', size: nodeSize(e) } });
    });
    var haystack = edges.length > 3000, labeled = edges.length <= 80;
    edges.forEach(function (e) {
      els.push({ group: 'edges', classes: haystack ? 'haystack' : labeled ? 'labeled' : '', data: {
        id: e.id, source: e.s, target: e.o, label: e.rel, color: QUAD_BY_KEY[e.quad].color,
        static: e.quad === 'static', negated: e.neg, width: Math.min(8, 1.2 + Math.log2(e.ids.length)),
        relations: e.ids } });
    });
    cy.startBatch();
    cy.elements().remove();
    cy.add(els);
    cy.endBatch();
    // Force-directed (cose) up to the node cap, with fewer iterations for
    // more nodes: it is quadratic in the nodes per iteration.
    var t0 = performance.now();
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 400000; },
      nodeOverlap: 40, idealEdgeLength: function () { return 110; }, componentSpacing: 80,
      numIter: ids.length <= 150 ? 1500 : 200, padding: 30 }).run();
    cy.fit(undefined, 30);
    timings.layout = Math.round(performance.now() - t0);
    drawn = { nodes: ids.length, edges: edges.length, aggregated: aggregated, capped: capped };
  }

  // ---------- details ----------
  function dl(pairs) {
    var d = el('dl');
    pairs.forEach(function (p) {
      if (p[1] === '' || p[1] == null) return;
      d.appendChild(el('dt', { text: p[0] }));
      d.appendChild(el('dd', null, [p[1]]));
    });
    return d;
  }
  function entityLink(id) {
    var e = entities.get(id);
    return el('a', { text: e ? e.name : id, onclick: function () { showEntity(id); } });
  }
  function relationBlock(r) {
    var q = QUAD_BY_KEY[r.quad];
    var d = documents.get(r.doc) || {};
    var docNode = d.url ? el('a', { href: d.url, text: docName(r.doc) }) : docName(r.doc);
    return el('div', { class: 'relation' }, [
      el('div', null, [entityLink(r.s), ' — ', el('b', { text: r.rel }), ' → ', entityLink(r.o)]),
      el('blockquote', { class: 'sentence', text: r.sentenceText }),
      dl([
        ['CAMEO', cameoLabel(r.cameo)], ['quad class', el('span', { class: 'quad' + r.quad, text: q.name })],
        ['Goldstein', r.cameo ? String(r.gold) : ''], ['predicate', r.pred],
        ['date', r.date ? r.date + (r.dsrc ? ' (' + r.dsrc + ')' : '') : ''],
        ['negated', r.neg ? 'yes' : 'no'], ['modality', r.mod], ['confidence', String(r.conf)],
        ['reported by', r.src], ['role', r.role], ['instrument', r.instr],
        ['place', r.place ? r.place + (r.psrc ? ' (' + r.psrc + ')' : '') : ''],
        ['document', docNode], ['published', d.published || ''], ['sentence no.', String(r.si + 1)], ['rule', r.rule]
      ])
    ]);
  }
  function setDetails(children) {
    var box = $('details');
    box.textContent = '';
    children.forEach(function (c) { box.appendChild(c); });
    box.scrollTop = 0;
  }
  function showRelations(ids, title) {
    var rs = ids.map(function (id) { return relByID.get(id); }).filter(Boolean);
    var shown = rs.slice(0, 50);
    setDetails([el('h2', { text: title || (rs.length === 1 ? 'Relation' : rs.length + ' relations') })]
      .concat(shown.map(relationBlock))
      .concat(rs.length > shown.length ? [el('p', { class: 'note', text: 'and ' + (rs.length - shown.length) + ' more: see the table' })] : []));
  }
  function showEntity(id) {
    var e = entities.get(id);
    if (!e) return;
    var mine = current.filter(function (r) { return r.s === id || r.o === id; });
    var list = el('ul');
    mine.slice(0, 200).forEach(function (r) {
      var other = r.s === id ? r.o : r.s;
      var dir = r.s === id ? ' → ' : ' ← ';
      list.appendChild(el('li', null, [
        el('a', { text: r.rel + (r.cameo ? ' (' + r.cameo + ')' : ''), onclick: function () { showRelations([r.id]); } }),
        dir, entityLink(other), r.date ? ' · ' + r.date : ''
      ]));
    });
    setDetails([
      el('h2', null, [el('span', { class: 'swatch', style: 'background:' + (TYPE_COLORS[e.type] || '#999') }), ' ', e.name]),
      dl([['type', e.type], ['country', e.country || ''], ['mentions', String(e.mentions)], ['documents', String(e.documents)],
        ['first seen', e.firstSeen || ''], ['roles', (e.roles || []).join('; ')], ['aliases', (e.aliases || []).join('; ')]]),
      el('h3', { text: 'Relations in view (' + mine.length + ')' }), list
    ]);
    var n = cy.getElementById(id);
    if (n.nonempty()) { cy.elements().unselect(); n.select(); }
  }
  cy.on('tap', 'node', function (ev) { showEntity(ev.target.id()); });
  cy.on('tap', 'edge', function (ev) {
    var e = ev.target;
    showRelations(e.data('relations'), e.data('relations').length > 1 ? e.source().data('label') + ' — ' + e.data('label') + ' → ' + e.target().data('label') : 'Relation');
  });

  // ---------- search ----------
  function search() {
    var q = $('search').value.trim().toLowerCase();
    cy.elements().removeClass('faded match');
    if (!q) return;
    var hits = cy.nodes().filter(function (n) {
      var e = entities.get(n.id());
      return e.name.toLowerCase().indexOf(q) >= 0 || (e.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    });
    if (hits.empty()) return;
    cy.elements().addClass('faded');
    hits.removeClass('faded').addClass('match');
    hits.connectedEdges().removeClass('faded');
    cy.fit(hits, 60);
    if (hits.length === 1) showEntity(hits[0].id());
  }
  $('search').addEventListener('input', search);

  // ---------- timeline ----------
  function dayNumber(iso) { return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000); }
  function isoDay(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }
  function drawTimeline(rels) {
    var svg = $('timeline-svg');
    svg.textContent = '';
    var W = svg.clientWidth || 600, H = 105, top = 4, bottom = 16;
    var perDay = new Map();
    rels.forEach(function (r) {
      if (!r.date || !r.cameo) return;
      var d = dayNumber(r.date);
      if (isNaN(d)) return;
      var c = perDay.get(d);
      if (!c) { c = [0, 0, 0, 0]; perDay.set(d, c); }
      c[Number(r.quad) - 1]++;
    });
    if (!perDay.size) {
      var t = svgEl('text', { x: 8, y: 40, fill: '#888' });
      t.textContent = rels.some(function (r) { return r.cameo; })
        ? 'the events in view carry no dates (kg ingest --published dates articles that have none)'
        : 'no events in view';
      svg.appendChild(t);
      return;
    }
    var days = Array.from(perDay.keys()).sort(function (a, b) { return a - b; });
    var first = days[0] - 1, last = days[days.length - 1] + 1, span = last - first + 1;
    var max = 0;
    perDay.forEach(function (c) { max = Math.max(max, c[0] + c[1] + c[2] + c[3]); });
    var bw = (W - 40) / span, scale = (H - top - bottom) / max;
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var maxLabel = svgEl('text', { x: 2, y: top + 8, 'font-size': 9, fill: '#666' });
    maxLabel.textContent = String(max);
    svg.appendChild(maxLabel);
    perDay.forEach(function (c, d) {
      var x = 30 + (d - first) * bw, y = H - bottom;
      for (var q = 0; q < 4; q++) {
        if (!c[q]) continue;
        var h = c[q] * scale;
        y -= h;
        var rect = svgEl('rect', { x: x, y: y, width: Math.max(1, bw * 0.85), height: h, fill: QUADS[q].color, class: 'day' });
        var title = svgEl('title');
        title.textContent = isoDay(d) + ': ' + c[q] + ' ' + QUADS[q].name + ' (' + (c[0] + c[1] + c[2] + c[3]) + ' events that day)';
        rect.appendChild(title);
        rect.addEventListener('click', function () { $('f-from').value = isoDay(d); $('f-to').value = isoDay(d); update(); });
        svg.appendChild(rect);
      }
    });
    var ticks = Math.min(6, span);
    for (var k = 0; k <= ticks; k++) {
      var dn = first + Math.round(k * (span - 1) / Math.max(1, ticks));
      var lab = svgEl('text', { x: 30 + (dn - first) * bw, y: H - 3, 'font-size': 9, fill: '#666' });
      lab.textContent = isoDay(dn);
      svg.appendChild(lab);
    }
  }

  // ---------- map ----------
  var countryPaths = new Map(); // ISO3 -> [path]
  (function drawWorld() {
    var svg = $('map-svg');
    var features = topojson.feature(WORLD, WORLD.objects.countries).features;
    // A ring crossing the antimeridian (Russia, Fiji) is drawn east of
    // 180° rather than as a line across the whole map; the viewBox clips it.
    function ring(coords) {
      var crosses = coords.some(function (p, i) { return i && Math.abs(p[0] - coords[i - 1][0]) > 180; });
      if (crosses) coords = coords.map(function (p) { return p[0] < 0 ? [p[0] + 360, p[1]] : p; });
      return coords.map(function (p, i) {
        return (i ? 'L' : 'M') + (p[0] + 180).toFixed(2) + ',' + (90 - p[1]).toFixed(2);
      }).join('') + 'Z';
    }
    features.forEach(function (f) {
      if (!f.geometry) return;
      var polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      var d = polys.map(function (poly) { return poly.map(ring).join(''); }).join('');
      var name = (f.properties && f.properties.name) || '';
      var p = svgEl('path', { d: d, fill: '#cfd8dc' });
      var t = svgEl('title');
      t.textContent = name;
      p.appendChild(t);
      svg.appendChild(p);
      var iso = D.atlasISO3[f.id] || D.atlasISO3[name];
      if (iso) {
        if (!countryPaths.has(iso)) countryPaths.set(iso, []);
        countryPaths.get(iso).push({ path: p, title: t, name: name });
      }
    });
  })();
  function drawMap(rels) {
    var counts = new Map();
    rels.forEach(function (r) {
      if (!r.cameo) return;
      var seen = new Set();
      [r.s, r.o].forEach(function (id) {
        var e = entities.get(id);
        if (e && e.country && !seen.has(e.country)) { seen.add(e.country); counts.set(e.country, (counts.get(e.country) || 0) + 1); }
      });
    });
    var max = 0;
    counts.forEach(function (c) { max = Math.max(max, c); });
    var shown = 0;
    countryPaths.forEach(function (list, iso) {
      var c = counts.get(iso) || 0;
      if (c) shown++;
      list.forEach(function (x) {
        var a = c ? 0.25 + 0.75 * Math.log(1 + c) / Math.log(1 + max) : 0;
        x.path.setAttribute('fill', c ? 'rgba(198,40,40,' + a.toFixed(2) + ')' : '#cfd8dc');
        x.path.setAttribute('data-events', String(c));
        x.path.setAttribute('data-iso3', iso);
        x.title.textContent = x.name + (c ? ': ' + c + ' events' : '');
      });
    });
    // Located events as points, one per place, sized by their number.
    var svg = $('map-svg');
    Array.from(svg.querySelectorAll('circle.event-point')).forEach(function (c) { c.remove(); });
    var places = new Map();
    rels.forEach(function (r) {
      if (!r.cameo || typeof r.lat !== 'number' || typeof r.lon !== 'number') return;
      var key = r.lat.toFixed(3) + ',' + r.lon.toFixed(3);
      if (!places.has(key)) places.set(key, { lat: r.lat, lon: r.lon, name: r.place, n: 0 });
      places.get(key).n++;
    });
    var located = 0;
    places.forEach(function (p) {
      located += p.n;
      var c = svgEl('circle', { cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2),
        r: (2.5 + Math.log2(1 + p.n) * 1.2).toFixed(2), 'class': 'event-point', 'data-events': String(p.n) });
      var t = svgEl('title');
      t.textContent = p.name + ': ' + p.n + (p.n === 1 ? ' event' : ' events');
      c.appendChild(t);
      svg.appendChild(c);
    });
    $('map-note').textContent = shown + ' countries with events in view (an event counts for the countries of its actors); ' +
      located + (located === 1 ? ' located event' : ' located events') + ' at ' + places.size + (places.size === 1 ? ' place' : ' places') + ' (points).';
  }

  // ---------- table ----------
  var sortKey = 'date', sortDir = 1, pageNo = 0, tableRows = [];
  function drawTable(rels) {
    var q = $('table-filter').value.trim().toLowerCase();
    tableRows = q ? rels.filter(function (r) {
      return (r.subjectName + ' ' + r.rel + ' ' + r.objectName + ' ' + r.cameo + ' ' + r.sentenceText + ' ' + r.pred).toLowerCase().indexOf(q) >= 0;
    }) : rels.slice();
    tableRows.sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      if (x === y) return a.id < b.id ? -1 : 1;
      return (x < y ? -1 : 1) * sortDir;
    });
    var pages = Math.max(1, Math.ceil(tableRows.length / PAGE_SIZE));
    if (pageNo >= pages) pageNo = pages - 1;
    var body = document.querySelector('#relations tbody');
    body.textContent = '';
    var frag = document.createDocumentFragment();
    tableRows.slice(pageNo * PAGE_SIZE, (pageNo + 1) * PAGE_SIZE).forEach(function (r) {
      var tr = el('tr', { 'data-id': r.id, onclick: function () {
        showRelations([r.id]);
        cy.elements().unselect();
        cy.edges().filter(function (e) { return e.data('relations').indexOf(r.id) >= 0; }).select();
      } }, [
        el('td', { text: r.date }), el('td', { text: r.subjectName }), el('td', { text: r.rel }), el('td', { text: r.objectName }),
        el('td', { text: r.cameo }), el('td', { class: 'quad' + r.quad, text: QUAD_BY_KEY[r.quad].name }), el('td', { text: String(r.conf) }),
        el('td', { text: r.neg ? 'yes' : '' }), el('td', { text: r.mod }), el('td', { class: 'sentence', text: r.sentenceText }), el('td', { text: r.docName })
      ]);
      frag.appendChild(tr);
    });
    body.appendChild(frag);
    var from = tableRows.length ? pageNo * PAGE_SIZE + 1 : 0;
    $('page-info').textContent = ' rows ' + fmt(from) + '–' + fmt(Math.min(tableRows.length, (pageNo + 1) * PAGE_SIZE)) + ' of ' + fmt(tableRows.length) + ' ';
    $('page-prev').disabled = pageNo === 0;
    $('page-next').disabled = pageNo >= pages - 1;
    document.querySelectorAll('#relations th').forEach(function (th) {
      th.classList.toggle('asc', th.dataset.key === sortKey && sortDir === 1);
      th.classList.toggle('desc', th.dataset.key === sortKey && sortDir === -1);
    });
  }
  document.querySelectorAll('#relations th').forEach(function (th) {
    th.addEventListener('click', function () {
      if (sortKey === th.dataset.key) sortDir = -sortDir; else { sortKey = th.dataset.key; sortDir = 1; }
      pageNo = 0;
      drawTable(current);
    });
  });
  $('table-filter').addEventListener('input', function () { pageNo = 0; drawTable(current); });
  $('page-prev').addEventListener('click', function () { pageNo--; drawTable(current); });
  $('page-next').addEventListener('click', function () { pageNo++; drawTable(current); });

  // ---------- update ----------
  function update() {
    var t0 = performance.now();
    var f = readFilter();
    $('f-conf-value').textContent = f.conf.toFixed(2);
    current = relations.filter(function (r) { return passes(r, f); });
    drawGraph(current, f);
    drawTimeline(current);
    drawMap(current);
    pageNo = 0;
    drawTable(current);
    $('view-nodes').textContent = fmt(drawn.nodes);
    $('view-relations').textContent = fmt(current.length);
    $('view-edges').textContent = fmt(drawn.edges);
    var notes = [];
    if (drawn.aggregated) notes.push('over ' + fmt(D.maxEdges) + ' relations: one edge per subject, relation and object');
    if (drawn.capped) notes.push('the ' + fmt(D.maxNodes) + ' most connected actors are drawn; filter or search to see others');
    $('view-note').textContent = notes.join('; ');
    search();
    timings.update = Math.round(performance.now() - t0);
    document.body.dataset.state = 'ready';
  }
  ['f-from', 'f-to', 'f-root', 'f-doc', 'f-neg', 'f-mod', 'f-conf', 'f-isolated'].forEach(function (id) {
    $(id).addEventListener('change', update);
  });
  $('f-conf').addEventListener('input', function () { $('f-conf-value').textContent = parseFloat($('f-conf').value).toFixed(2); });
  $('f-quad').addEventListener('change', update);
  $('f-type').addEventListener('change', update);
  $('f-reset').addEventListener('click', function () {
    ['f-from', 'f-to', 'f-root', 'f-doc', 'f-neg', 'f-mod'].forEach(function (id) { $(id).value = ''; });
    $('f-conf').value = 0;
    $('f-isolated').checked = false;
    document.querySelectorAll('#filters fieldset input').forEach(function (c) { c.checked = true; });
    update();
  });

  $('ws-documents').textContent = fmt(documents.size);
  $('ws-entities').textContent = fmt(entities.size);
  $('ws-relations').textContent = fmt(relations.length);

  // For tests and the curious: the graph and the relations in view.
  window.kgView = {
    cy: cy,
    inView: function () { return current.map(function (r) { return r.id; }); },
    update: update,
    timings: timings
  };
  update();
})();
