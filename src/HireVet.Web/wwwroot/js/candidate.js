// The candidate page's pictures: the score breakdown (Chart.js) and the link graph (cytoscape). Both read the data
// the server rendered into <script type="application/json"> blocks; the tables beside them carry the same figures,
// so the page works without this script.
(function () {
  'use strict';

  function readJson(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // Colours with at least 3:1 contrast on white, told apart by position and label as well as hue.
  var colours = { indicator: '#0b57a4', combination: '#7a4300' };

  function scoreChart() {
    var parts = readJson('score-breakdown-data');
    var canvas = document.getElementById('score-chart');
    if (!parts || !canvas || typeof Chart === 'undefined') return;
    canvas.parentElement.style.height = Math.max(120, 34 * parts.length + 40) + 'px';
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: parts.map(function (p) { return p.label; }),
        datasets: [{
          label: 'Points',
          data: parts.map(function (p) { return p.points; }),
          backgroundColor: parts.map(function (p) { return colours[p.kind] || '#4d5761'; }),
        }],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, title: { display: true, text: 'points' } } },
      },
    });
  }

  var statusColours = {
    rejected: '#b3261e', review: '#b86e00', awaiting_approval: '#b86e00', information_requested: '#b86e00',
    cleared: '#1e7b34', clear: '#1e7b34', hired: '#1e7b34',
  };

  function linkGraph() {
    var data = readJson('link-graph-data');
    var container = document.getElementById('link-graph');
    if (!data || !container || typeof cytoscape === 'undefined') return;
    var elements = data.nodes.map(function (n) {
      return {
        data: {
          id: String(n.id), label: n.name + '\n' + n.status.replace(/_/g, ' ') + (n.band ? ' · ' + n.band : ''),
          colour: statusColours[n.status] || '#4d5761', center: n.id === data.center ? 1 : 0,
        },
      };
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: 'e' + i, source: String(e.from), target: String(e.to), label: e.kind } };
    }));
    var cy = cytoscape({
      container: container,
      elements: elements,
      // The ring on a circle, this candidate first: no line runs through another candidate's node.
      layout: { name: 'circle', sort: function (a, b) { return b.data('center') - a.data('center'); }, animate: false, padding: 30 },
      style: [
        { selector: 'node', style: {
          'background-color': 'data(colour)', label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 11, color: '#1b1f24',
          'text-valign': 'bottom', 'text-margin-y': 6, width: 22, height: 22, 'text-background-color': '#ffffff',
          'text-background-opacity': 0.85, 'text-background-padding': 2 } },
        { selector: 'node[center = 1]', style: { width: 32, height: 32, 'border-width': 4, 'border-color': '#1b1f24' } },
        { selector: 'edge', style: {
          width: 2, 'line-color': '#8a949e', label: 'data(label)', 'font-size': 10, color: '#2f3740', 'curve-style': 'bezier',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2, 'text-rotation': 'autorotate' } },
        { selector: 'node:active, node:selected', style: { 'overlay-opacity': 0.15 } },
      ],
      wheelSensitivity: 0.2,
      minZoom: 0.3,
      maxZoom: 3,
    });
    cy.on('tap', 'node', function (event) {
      var id = event.target.id();
      if (Number(id) !== data.center) window.location.assign('/candidates/' + id);
    });
    // Cytoscape caches where its container is on the page, and refreshes that on scrolls and resizes only: a section
    // opened above the graph, or a screenshot's resize, moves the graph without either, and a click would then land
    // on the wrong spot. Measured again as each press starts (before cytoscape's own handler reads it).
    container.addEventListener('pointerdown', function () { cy.resize(); }, true);
    cy.on('mouseover', 'node', function () { container.style.cursor = 'pointer'; });
    cy.on('mouseout', 'node', function () { container.style.cursor = ''; });
    // The browser tests find where a node is drawn through this handle.
    container.hirevetGraph = cy;
    window.hirevetLinkGraph = cy;
  }

  scoreChart();
  linkGraph();
})();
