/**
 * The live page's client script (served as /static/live.js: the CSP allows no inline script). Kept
 * as a string so the CLI bundle carries it; it is plain browser JavaScript, no build step.
 */
export const liveJs = `// Live runs: swaps in the server-rendered (escaped) run cards from the SSE stream and draws each
// run's hypothesis samples as dots (held green, failed red) and a line of the numeric values.
const svgNs = 'http://www.w3.org/2000/svg';

function drawSamples(svg) {
  const samples = JSON.parse(svg.dataset.samples || '[]');
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  if (!samples.length) return;
  const step = 292 / Math.max(samples.length - 1, 1);
  const values = samples.map((s) => s.value).filter((v) => typeof v === 'number');
  const max = Math.max(...values, 1);
  const points = [];
  samples.forEach((s, i) => {
    const x = 4 + i * step;
    const dot = document.createElementNS(svgNs, 'circle');
    dot.setAttribute('cx', String(x));
    dot.setAttribute('cy', '54');
    dot.setAttribute('r', '3');
    dot.setAttribute('class', s.ok ? 'sample-ok' : 'sample-bad');
    svg.appendChild(dot);
    if (typeof s.value === 'number') points.push(\`\${x},\${46 - (40 * s.value) / max}\`);
  });
  if (points.length > 1) {
    const line = document.createElementNS(svgNs, 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('class', 'sample-line');
    svg.appendChild(line);
  }
}

function drawAll(root) {
  root.querySelectorAll('svg.samples').forEach(drawSamples);
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('live');
  if (!root) return;
  drawAll(root);
  const events = new EventSource(root.dataset.events);
  events.addEventListener('runs', (event) => {
    root.innerHTML = JSON.parse(event.data);
    drawAll(root);
  });
});
`;
