/* circuit-grammar report: draws every chart from the JSON block #report-data with ECharts. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
    '#9c755f', '#bab0ac'];
  var NONE_COLOR = '#999999';

  function groupColor(groups, g) {
    var i = groups.indexOf(g);
    return g === '(none)' || i < 0 ? NONE_COLOR : PALETTE[i % PALETTE.length];
  }

  function chartOf(el) {
    return echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'canvas'});
  }

  function fmt(v, digits) {
    return v === null || v === undefined ? '–' : Number(v).toFixed(digits);
  }

  function fillSelect(select, values, labels) {
    select.innerHTML = '';
    values.forEach(function (v, i) {
      var o = document.createElement('option');
      o.value = String(v);
      o.textContent = labels ? labels[i] : String(v);
      select.appendChild(o);
    });
  }

  function onChange(id, draw) {
    document.getElementById(id).addEventListener('change', draw);
  }

  /* ---------- summary ---------- */
  function drawSummary() {
    var series = data.groups.map(function (g) {
      return {
        name: g, type: 'scatter', itemStyle: {color: groupColor(data.groups, g)},
        data: data.graphs.filter(function (x) { return x.group === g; })
          .map(function (x) { return {value: [x.nodes, x.edges], name: x.name}; })
      };
    });
    chartOf(document.getElementById('summary-sizes')).setOption({
      title: {text: 'Analysed graph sizes', left: 'center', textStyle: {fontSize: 13}},
      legend: {bottom: 0}, grid: {left: 70, right: 30, top: 40, bottom: 60},
      tooltip: {trigger: 'item', formatter: function (p) {
        return p.name + '<br>' + p.value[0] + ' nodes, ' + p.value[1] + ' edges'; }},
      xAxis: {type: 'log', name: 'nodes', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'log', name: 'edges'}, series: series
    });
  }

  /* ---------- heatmaps ---------- */
  function graphOrder(nullId, how) {
    var idx = data.graphs.map(function (g, i) { return i; });
    if (how === 'name') {
      idx.sort(function (a, b) { return data.graphs[a].name < data.graphs[b].name ? -1 : 1; });
    } else if (how === 'dendrogram') {
      var d = data.byNull[nullId].dendrogram;
      var ordered = d.leafOrder.map(function (p) { return d.graphs[p]; });
      idx = ordered.concat(idx.filter(function (i) { return ordered.indexOf(i) < 0; }));
    } else {
      idx.sort(function (a, b) {
        var ga = data.groups.indexOf(data.graphs[a].group), gb = data.groups.indexOf(data.graphs[b].group);
        return ga !== gb ? ga - gb : (data.graphs[a].name < data.graphs[b].name ? -1 : 1);
      });
    }
    return idx;
  }

  function drawHeatmap(elId, nullId, key, label) {
    var n = data.byNull[nullId];
    var order = graphOrder(nullId, document.getElementById('heatmap-sort').value);
    var cells = [];
    var maxAbs = 0;
    order.forEach(function (g, row) {
      n.motifs.forEach(function (m, col) {
        var v = n[key][g][col];
        cells.push([col, row, v === null ? '-' : v]);
        if (v !== null) { maxAbs = Math.max(maxAbs, Math.abs(v)); }
      });
    });
    var el = document.getElementById(elId);
    el.style.height = Math.max(260, 110 + 16 * order.length) + 'px';
    var chart = chartOf(el);
    chart.resize();
    chart.setOption({
      tooltip: {className: 'cg-tooltip', formatter: function (p) {
        var g = data.graphs[order[p.value[1]]];
        return g.name + ' (' + g.group + ')<br>' + n.motifs[p.value[0]] + ': ' + label + ' = '
          + (p.value[2] === '-' ? 'undefined' : Number(p.value[2]).toFixed(3));
      }},
      grid: {left: 230, right: 90, top: 10, bottom: 90},
      xAxis: {type: 'category', data: n.motifs, axisLabel: {rotate: 45}, splitArea: {show: true}},
      yAxis: {type: 'category', data: order.map(function (g) { return data.graphs[g].name; }), inverse: true,
        axisLabel: {fontSize: 10, color: function (v, i) {
          return groupColor(data.groups, data.graphs[order[i]].group); }}},
      visualMap: {min: -(maxAbs || 1), max: maxAbs || 1, calculable: true, orient: 'vertical', right: 0,
        top: 'middle', inRange: {color: ['#2166ac', '#f7f7f7', '#b2182b']}},
      series: [{name: label, type: 'heatmap', data: cells, emphasis: {itemStyle: {borderColor: '#333',
        borderWidth: 1}}}]
    }, true);
  }

  function drawHeatmaps() {
    var nullId = document.getElementById('heatmap-null').value;
    drawHeatmap('heatmap-effect', nullId, 'log2', 'log2 ratio');
    drawHeatmap('heatmap-z', nullId, 'z', 'Z');
  }

  /* ---------- profiles ---------- */
  function drawProfiles() {
    var nullId = document.getElementById('profiles-null').value;
    var n = data.byNull[nullId];
    var series = Object.keys(n.profileMean).map(function (g) {
      return {name: g, type: 'line', connectNulls: false, symbolSize: 6,
        itemStyle: {color: groupColor(data.groups, g)}, data: n.profileMean[g]};
    });
    chartOf(document.getElementById('profiles-chart')).setOption({
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return fmt(v, 3); }},
      legend: {bottom: 0}, grid: {left: 60, right: 30, top: 20, bottom: 110},
      xAxis: {type: 'category', data: n.motifs, axisLabel: {rotate: 45}},
      yAxis: {type: 'value', name: 'mean SP', nameLocation: 'middle', nameGap: 42}, series: series
    }, true);
  }

  /* ---------- null distributions ---------- */
  function fillNullMotifs() {
    var nullId = document.getElementById('nulls-null').value;
    var motifs = data.byNull[nullId].rowMotifs;
    var tested = data.byNull[nullId].motifs;
    fillSelect(document.getElementById('nulls-motif'), motifs);
    var preferred = motifs.indexOf('triad/030T') >= 0 ? 'triad/030T' : tested[0];
    if (preferred) { document.getElementById('nulls-motif').value = preferred; }
  }

  function drawNullDistribution() {
    var nullId = document.getElementById('nulls-null').value;
    var g = Number(document.getElementById('nulls-graph').value);
    var n = data.byNull[nullId];
    var m = n.rowMotifs.indexOf(document.getElementById('nulls-motif').value);
    var d = m < 0 ? null : n.distributions[g][m];
    var chart = chartOf(document.getElementById('nulls-chart'));
    if (!d) {
      chart.setOption({title: {text: 'no null samples for this graph and motif', left: 'center'}, series: []},
        true);
      return;
    }
    var bars = d.counts.map(function (c, i) { return [d.min + i * d.width + d.width / 2, c]; });
    chart.setOption({
      title: {text: data.graphs[g].name + ' · ' + n.rowMotifs[m] + ' under ' + nullId, left: 'center',
        subtext: 'observed ' + d.observed + ' · null mean ' + fmt(d.mean, 1) + ' ± ' + fmt(d.sd, 1) + ' · Z '
          + fmt(d.z, 2) + ' · log2 ratio ' + fmt(d.log2, 3) + ' · ' + d.role, textStyle: {fontSize: 13}},
      tooltip: {trigger: 'item', formatter: function (p) {
        var lo = p.value[0] - d.width / 2;
        return d.width === 1 ? 'count ' + lo + ': ' + p.value[1] + ' samples'
          : 'counts ' + lo + '–' + (lo + d.width - 1) + ': ' + p.value[1] + ' samples'; }},
      grid: {left: 60, right: 30, top: 70, bottom: 40},
      xAxis: {type: 'value', scale: true, name: 'count', min: function (v) {
        return Math.min(v.min, d.observed) - d.width; }, max: function (v) { return Math.max(v.max, d.observed) + d.width; }},
      yAxis: {type: 'value', name: 'samples'},
      series: [{type: 'bar', data: bars, barWidth: '90%', itemStyle: {color: '#8aa9d6'},
        markLine: {symbol: 'none', lineStyle: {color: '#d62728', width: 2},
          label: {formatter: 'observed ' + d.observed}, data: [{xAxis: d.observed}]}}]
    }, true);
  }

  /* ---------- dendrogram ---------- */
  function drawDendrogram() {
    var nullId = document.getElementById('dendrogram-null').value;
    var d = data.byNull[nullId].dendrogram;
    var k = d.graphs.length;
    var x = {}, y = {};
    d.leafOrder.forEach(function (leaf, pos) { x[leaf] = pos; y[leaf] = 0; });
    var segments = [];
    d.merges.forEach(function (mg, step) {
      var a = mg[0], b = mg[1], h = mg[2], id = k + step;
      segments.push([x[a], y[a]], [x[a], h], [x[b], h], [x[b], y[b]], null);
      x[id] = (x[a] + x[b]) / 2;
      y[id] = h;
    });
    var names = d.leafOrder.map(function (p) { return data.graphs[d.graphs[p]].name; });
    var leaves = data.groups.map(function (g) {
      return {name: g, type: 'scatter', symbolSize: 9, itemStyle: {color: groupColor(data.groups, g)},
        data: d.leafOrder.map(function (p, pos) { return [pos, 0, data.graphs[d.graphs[p]].name, g]; })
          .filter(function (v) { return data.graphs[d.graphs[d.leafOrder[v[0]]]].group === g; })};
    });
    chartOf(document.getElementById('dendrogram-chart')).setOption({
      tooltip: {trigger: 'item', formatter: function (p) {
        return p.seriesType === 'scatter' ? p.value[2] + ' (' + p.value[3] + ')' : ''; }},
      legend: {bottom: 0}, grid: {left: 60, right: 30, top: 20, bottom: 150},
      xAxis: {type: 'value', min: -0.5, max: Math.max(0.5, k - 0.5), interval: 1,
        axisLabel: {rotate: 60, fontSize: 9, formatter: function (v) { return names[Math.round(v)] || ''; }},
        splitLine: {show: false}},
      yAxis: {type: 'value', name: '1 − cosine', min: 0},
      series: [{name: 'merges', type: 'line', data: segments, symbol: 'none', connectNulls: false,
        lineStyle: {color: '#555', width: 1}, silent: true}].concat(leaves)
    }, true);
  }

  /* ---------- comparisons ---------- */
  function drawComparison(c) {
    var nullId = document.getElementById('comparison-' + c.id + '-null').value;
    var motifs = c.motifs[nullId] || [];
    var series = c.groups.map(function (g) {
      var boxes = (c.byNull[nullId] || {})[g] || [];
      return {name: g, type: 'boxplot', itemStyle: {color: '#fff', borderColor: groupColor(c.groups, g)},
        data: boxes.map(function (b) { return b === null ? [] : [b[0], b[0], b[1], b[2], b[2]]; }),
        tooltip: {formatter: function (p) {
          return p.seriesName + ' · ' + p.name + '<br>median log2 ratio ' + fmt(p.value[3], 3)
            + '<br>IQR [' + fmt(p.value[2], 3) + ', ' + fmt(p.value[4], 3) + ']'; }}};
    });
    chartOf(document.getElementById('comparison-' + c.id + '-chart')).setOption({
      title: motifs.length ? undefined : {text: 'no independent motif under ' + nullId, left: 'center',
        textStyle: {fontSize: 13}},
      tooltip: {trigger: 'item'}, legend: {bottom: 0}, grid: {left: 60, right: 30, top: 30, bottom: 110},
      xAxis: {type: 'category', data: motifs, axisLabel: {rotate: 45}},
      yAxis: {type: 'value', name: 'log2 ratio (median, IQR)', nameLocation: 'middle', nameGap: 42},
      series: series
    }, true);
  }

  /* ---------- instances ---------- */
  function drawInstances() {
    var g = Number(document.getElementById('instances-graph').value);
    var set = data.instances.filter(function (s) { return s.graph === g; })[0];
    var box = document.getElementById('instances-charts');
    Array.prototype.forEach.call(box.querySelectorAll('.chart'), function (el) {
      var c = echarts.getInstanceByDom(el);
      if (c) { c.dispose(); }
    });
    box.innerHTML = '';
    var link = document.getElementById('instances-link');
    link.textContent = '';
    if (set && set.neuronpedia) {
      var a = document.createElement('a');
      a.href = set.neuronpedia;
      a.textContent = 'open the graph on Neuronpedia';
      link.appendChild(a);
    }
    if (!set || set.items.length === 0) {
      var p = document.createElement('p');
      p.className = 'note';
      p.textContent = set && set.missing ? set.missing : 'This graph has no FFL instance.';
      box.appendChild(p);
      return;
    }
    set.items.forEach(function (inst) {
      var el = document.createElement('div');
      el.className = 'chart';
      box.appendChild(el);
      var nodes = inst.nodes.map(function (nd) {
        return {name: nd.id, value: [nd.position, nd.layer], role: nd.role, label2: nd.label, kind: nd.kind};
      });
      var links = inst.edges.map(function (e) {
        // the direct edge X → Z is bent, so it stays visible when the three nodes share a position
        return {source: inst.nodes[e.source].id, target: inst.nodes[e.target].id, value: e.weight,
          lineStyle: {color: e.weight >= 0 ? '#2ca02c' : '#d62728', curveness: e.target - e.source > 1 ? 0.35 : 0,
            width: 1 + 4 * Math.min(1, Math.abs(e.weight) / Math.max(1e-12, inst.strength * 4))}};
      });
      chartOf(el).setOption({
        title: {text: '#' + inst.rank + ' FFL ' + inst.type + ' · strength ' + inst.strength.toPrecision(3),
          left: 'center', textStyle: {fontSize: 12}},
        tooltip: {formatter: function (p) {
          if (p.dataType === 'edge') { return p.data.source + ' → ' + p.data.target + ': w = '
            + Number(p.data.value).toPrecision(4); }
          return p.data.role + '<br>' + p.data.name + '<br>' + (p.data.label2 || '(no label)') + '<br>layer '
            + p.data.value[1] + ', position ' + p.data.value[0]; }},
        grid: {left: 50, right: 20, top: 40, bottom: 40},
        xAxis: {type: 'value', name: 'position', minInterval: 1, scale: true},
        yAxis: {type: 'value', name: 'layer', minInterval: 1, scale: true},
        series: [{type: 'graph', coordinateSystem: 'cartesian2d', data: nodes, links: links, symbolSize: 14,
          edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
          label: {show: true, position: 'right', fontSize: 10, formatter: function (p) {
            return p.data.role.charAt(0) + ' ' + (p.data.label2 || p.data.name).slice(0, 28); }},
          itemStyle: {color: '#4e79a7'}}]
      });
    });
  }

  /* ---------- recurring ---------- */
  function drawRecurring() {
    var rows = [];
    data.recurring.forEach(function (set) {
      set.circuits.slice(0, 10).forEach(function (c) {
        rows.push({name: set.model + ' ' + set.transcoder + ' #' + c.rank, value: c.graphs, key: c.key,
          strength: c.medianStrength, of: set.graphsSearched});
      });
    });
    var chart = chartOf(document.getElementById('recurring-chart'));
    chart.setOption({
      title: rows.length ? {text: 'graphs containing each circuit (top 10 per model and transcoder)',
        left: 'center', textStyle: {fontSize: 13}} : {text: 'no recurring circuit', left: 'center'},
      tooltip: {trigger: 'item', formatter: function (p) {
        var r = rows[p.dataIndex];
        return r.key + '<br>in ' + r.value + ' of ' + r.of + ' graphs, median strength ' + r.strength.toPrecision(3);
      }},
      grid: {left: 60, right: 30, top: 40, bottom: 110},
      xAxis: {type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: {rotate: 45}},
      yAxis: {type: 'value', name: 'graphs', minInterval: 1},
      series: [{type: 'bar', data: rows.map(function (r) { return r.value; }), itemStyle: {color: '#59a14f'}}]
    }, true);
  }

  /* ---------- wiring ---------- */
  Array.prototype.forEach.call(document.querySelectorAll('select.null-select'), function (s) {
    fillSelect(s, data.nulls);
  });
  var graphNames = data.graphs.map(function (g) { return g.name + ' (' + g.group + ')'; });
  var graphIdx = data.graphs.map(function (g, i) { return i; });
  fillSelect(document.getElementById('nulls-graph'), graphIdx, graphNames);
  fillSelect(document.getElementById('instances-graph'), data.instances.map(function (s) { return s.graph; }),
    data.instances.map(function (s) { return graphNames[s.graph]; }));

  drawSummary();
  if (data.nulls.length > 0) {
    drawHeatmaps();
    drawProfiles();
    fillNullMotifs();
    drawNullDistribution();
    drawDendrogram();
    data.comparisons.forEach(drawComparison);
  }
  drawInstances();
  drawRecurring();

  onChange('heatmap-null', drawHeatmaps);
  onChange('heatmap-sort', drawHeatmaps);
  onChange('profiles-null', drawProfiles);
  onChange('nulls-graph', drawNullDistribution);
  onChange('nulls-null', function () { fillNullMotifs(); drawNullDistribution(); });
  onChange('nulls-motif', drawNullDistribution);
  onChange('dendrogram-null', drawDendrogram);
  data.comparisons.forEach(function (c) {
    onChange('comparison-' + c.id + '-null', function () { drawComparison(c); });
  });
  onChange('instances-graph', drawInstances);
  window.addEventListener('resize', function () {
    Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (el) {
      var c = echarts.getInstanceByDom(el);
      if (c) { c.resize(); }
    });
  });
}());
