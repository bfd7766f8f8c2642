/** The dashboard's one stylesheet (served as /static/app.css: the CSP allows no inline style). */
export const appCss = `:root { font-family: system-ui, sans-serif; color: #1d2330; background: #f6f7f9; }
body { margin: 0; }
header { display: flex; gap: 1.5rem; align-items: center; padding: 0.6rem 1.2rem; background: #1d2330; color: #fff; }
header nav a { color: #cfd6e4; margin-right: 1rem; text-decoration: none; }
header nav a.active { color: #fff; font-weight: 600; border-bottom: 2px solid #e5533d; }
header .who { margin-left: auto; display: flex; gap: 0.6rem; align-items: center; }
.role { background: #3a4254; padding: 0.1rem 0.5rem; border-radius: 3px; }
main { padding: 1rem 1.5rem; }
h1 { margin-top: 0.2rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #e3e6eb; }
td.num, th.num { text-align: right; }
form.inline { display: inline; }
form.filters, form.login, form.edit { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; margin-bottom: 1rem; }
form.edit label, form.login label { display: flex; flex-direction: column; font-size: 0.85rem; }
button { cursor: pointer; padding: 0.3rem 0.8rem; }
button.danger { background: #c62828; color: #fff; border: 0; border-radius: 3px; font-weight: 600; }
.badge { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 3px; font-size: 0.85rem; background: #e3e6eb; }
.outcome-held { background: #d6f0dc; }
.outcome-deviated { background: #fde2c8; }
.outcome-failed, .outcome-aborted { background: #f8d0d0; }
.outcome-interrupted { background: #efe0f7; }
.badge.host { background: #e8eefc; }
.tag { background: #e8eefc; padding: 0 0.3rem; border-radius: 3px; font-size: 0.8rem; }
.muted, .empty { color: #6b7385; }
.error { color: #b00020; font-weight: 600; }
.notice { background: #fff7d6; padding: 0.5rem; }
.board { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1rem; }
.column { background: #eceff3; padding: 0.5rem; border-radius: 4px; }
.column h2 { text-transform: capitalize; font-size: 1.1rem; }
.column-regressed { background: #fbd5d5; border: 2px solid #c62828; }
.finding { background: #fff; padding: 0.5rem 0.7rem; margin-bottom: 0.6rem; border-radius: 4px; }
.finding.state-regressed { border-left: 5px solid #c62828; }
.finding h3 { margin: 0.2rem 0; font-size: 1rem; }
.severity-critical, .severity-high { background: #f8d0d0; }
.trend-block { background: #fff; padding: 0.6rem 1rem; margin-bottom: 1rem; border-radius: 4px; }
.key { display: inline-block; width: 1.5rem; height: 0.2rem; vertical-align: middle; }
.key.pass { background: #2a7; }
.key.score { background: #36c; }
.dot { fill: #999; }
.dot.outcome-held { fill: #2a7; }
.dot.outcome-deviated { fill: #e08a2c; }
.dot.outcome-failed, .dot.outcome-aborted { fill: #c62828; }
.live-run { background: #fff; padding: 0.6rem 1rem; margin-bottom: 1rem; border-radius: 4px; }
.live-run form.stop { display: block; margin-top: 0.6rem; }
.live-run h3 { font-size: 0.95rem; margin-bottom: 0.2rem; }
svg.samples { background: #f6f7f9; }
.sample-ok { fill: #2a7; }
.sample-bad { fill: #c62828; }
.sample-line { stroke: #36c; fill: none; stroke-width: 1.5; }
.sample-line.probe-1, .key.probe-1 { stroke: #8e44ad; background: #8e44ad; }
.sample-line.probe-2, .key.probe-2 { stroke: #e08a2c; background: #e08a2c; }
.sample-line.probe-3, .key.probe-3 { stroke: #16a085; background: #16a085; }
.key.probe-0 { background: #36c; }
.sample-max { fill: #36c; }
.sample-max.probe-1 { fill: #8e44ad; }
.sample-max.probe-2 { fill: #e08a2c; }
.sample-max.probe-3 { fill: #16a085; }
ul.stops, ul.launches { list-style: none; }
table.library td { vertical-align: top; }
td.actions { white-space: nowrap; }
form.library-run details { margin-bottom: 0.3rem; white-space: normal; }
form.library-run label { display: block; font-size: 0.85rem; margin-top: 0.2rem; }
form.library-run textarea { display: block; width: 22rem; font-family: monospace; }
ul.problems { margin: 0.3rem 0; padding-left: 1rem; font-size: 0.85rem; }
ul.problems li.error { color: #b00020; }
pre.output { background: #fff; padding: 0.4rem; max-height: 12rem; overflow: auto; font-size: 0.8rem; white-space: pre-wrap; }
button.secondary { background: #e3e6eb; border: 0; border-radius: 3px; }
ul.probes { list-style: none; padding: 0; margin: 0.3rem 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
ul.probes .held { color: #1e7a3c; }
ul.probes .deviated { color: #b00020; }
`;
