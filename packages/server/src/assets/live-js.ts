/**
 * The live page's client script (served as /static/live.js: the CSP allows no inline script). Kept
 * as a string so the CLI bundle carries it; it is plain browser JavaScript, no build step.
 */
export const liveJs = `// Live runs: swaps in the server-rendered (escaped) run cards from the SSE stream and draws each
// run's hypothesis samples over time: one line per probe (its numeric output, else how long it
// took, each scaled to its own maximum) and one dot per sample (held green, deviated red).
const svgNs = 'http://www.w3.org/2000/svg';
const width = 600;
const height = 80;

function element(name, attributes) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function drawSamples(svg) {
  const samples = JSON.parse(svg.dataset.samples || '[]');
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  if (!samples.length) return;
  const times = samples.map((s) => Date.parse(s.at));
  const first = Math.min(...times);
  const span = Math.max(Math.max(...times) - first, 1);
  const x = (i) => (samples.length === 1 ? width / 2 : 6 + ((width - 12) * (times[i] - first)) / span);
  const probes = [];
  samples.forEach((s) => {
    const name = s.probe || 'hypothesis';
    if (!probes.includes(name)) probes.push(name);
  });
  probes.forEach((name, p) => {
    const own = samples.map((s, i) => [s, i]).filter(([s]) => (s.probe || 'hypothesis') === name);
    const numeric = own.every(([s]) => typeof s.value === 'number');
    const y = ([s]) => (numeric ? s.value : s.ms);
    const values = own.map(y).filter((v) => typeof v === 'number');
    const max = Math.max(...values.map(Math.abs), 1);
    const points = own
      .filter((pair) => typeof y(pair) === 'number')
      .map((pair) => \`\${x(pair[1]).toFixed(1)},\${(height - 16 - ((height - 24) * y(pair)) / max).toFixed(1)}\`);
    if (points.length > 1) svg.appendChild(element('polyline', { points: points.join(' '), class: \`sample-line probe-\${p % 4}\` }));
    // The line's scale: its maximum, in its unit (a probe's output has none we know of).
    const label = element('text', { x: 4 + 110 * p, y: 11, 'font-size': 10, class: \`sample-max probe-\${p % 4}\` });
    label.textContent = \`max \${Math.round(max * 100) / 100}\${numeric ? '' : ' ms'}\`;
    svg.appendChild(label);
  });
  samples.forEach((s, i) =>
    svg.appendChild(element('circle', { cx: x(i).toFixed(1), cy: height - 5, r: 3, class: s.ok ? 'sample-ok' : 'sample-bad' })),
  );
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
