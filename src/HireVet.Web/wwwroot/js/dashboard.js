// The dashboard's charts. Each <canvas data-chart="ID"> is drawn from the JSON in <script type="application/json" id="ID">
// ({type, labels, datasets: [{label, data}], xTitle, yTitle, stacked}). The figures are also in a table beside each chart:
// once the chart is drawn, the table folds away into its <details> (still there for anyone who opens it).
(function () {
  'use strict';
  if (typeof Chart === 'undefined') return; // the library did not load: the tables stay open

  // At least 3:1 against white (WCAG 1.4.11) and told apart by the white borders between stacked segments.
  var palette = ['#0b57a4', '#a84d00', '#1a7f37', '#a40e26', '#6639ba', '#00707a', '#57606a', '#8a4f00', '#b3236f'];

  Chart.defaults.color = '#3d4751';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    var box = canvas.closest('.chart-box');
    if (box) box.hidden = false;
    var chart = new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) {
          return { label: d.label, data: d.data, backgroundColor: palette[i % palette.length], borderColor: '#ffffff', borderWidth: spec.stacked ? 1 : 0 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: spec.stacked || spec.datasets.length > 1, position: 'bottom' } },
        scales: {
          x: { stacked: spec.stacked, title: { display: true, text: spec.xTitle } },
          y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: spec.yTitle } }
        }
      }
    });
    canvas.dataset.rendered = String(chart.data.datasets.length);
    var details = box && box.parentElement.querySelector('details.chart-data');
    if (details) details.open = false;
  });
})();
