/** The report's whole stylesheet, inlined: the file must render offline and print on A4/Letter. */
export const reportStyles = `
:root{--fg:#1d2330;--muted:#5b6476;--line:#d9dde5;--bg:#fff;--soft:#f5f7fa;--held:#1f8a4c;--held-soft:#d8f0e1;--bad:#c62f2f;--bad-soft:#f9dcdc;--warn:#a86400;--warn-soft:#fbecd0;--action:#2f5fb3;--probe:#1b8a8a;--rollback:#7047b8;--fault:rgba(198,47,47,.12)}
*{box-sizing:border-box}
html{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0 auto;max-width:1100px;padding:24px 28px 48px}
h1{font-size:1.7rem;margin:0 0 4px}h2{font-size:1.35rem;margin:0}h3{font-size:1.05rem;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
p{margin:6px 0}.muted{color:var(--muted);fill:var(--muted)}
a{color:var(--action)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 12px;overflow:auto;white-space:pre-wrap;word-break:break-word;margin:6px 0}
table{border-collapse:collapse;width:100%;margin:6px 0;font-size:.9rem}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line);overflow-wrap:break-word}
th{white-space:nowrap}td code{overflow-wrap:anywhere}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.run{margin-top:36px;padding-top:8px;border-top:3px solid var(--fg)}
.run:first-of-type{border-top:none}
.run-head{display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.badge{display:inline-block;white-space:nowrap;border-radius:999px;padding:2px 10px;font-size:.8rem;font-weight:700;letter-spacing:.02em;text-transform:uppercase}
.outcome-held{background:var(--held-soft);color:var(--held)}
.outcome-deviated,.outcome-failed,.outcome-aborted{background:var(--bad-soft);color:var(--bad)}
.outcome-interrupted,.outcome-unfinished,.outcome-recovered,.outcome-untried{background:var(--warn-soft);color:var(--warn)}
.verdict{font-size:1.12rem;margin:12px 0;padding:12px 16px;border-left:5px solid var(--fg);background:var(--soft);border-radius:0 6px 6px 0}
.verdict.outcome-held{border-color:var(--held)}.verdict.outcome-deviated,.verdict.outcome-failed,.verdict.outcome-aborted{border-color:var(--bad)}.verdict.outcome-interrupted,.verdict.outcome-unfinished,.verdict.outcome-recovered,.verdict.outcome-untried{border-color:var(--warn)}
.verdict{color:var(--fg)}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:6px 18px;margin:10px 0}
dl.facts div{border-left:2px solid var(--line);padding-left:8px}
dt{font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}dd{margin:0;word-break:break-word}
.check{font-weight:600}.check.held{color:var(--held)}.check.failed{color:var(--bad)}.check.not-run{color:var(--muted);font-weight:400}
.status-succeeded,.status-reverted,.status-done-by-activity{color:var(--held)}.status-failed{color:var(--bad);font-weight:600}.status-skipped,.status-pending{color:var(--warn)}
.chart{display:block;margin:6px 0 14px;max-width:100%;height:auto}
.chart text{font-size:11px;fill:var(--muted)}
.chart .label{text-anchor:end;fill:var(--fg);font-size:12px}
.chart .tick{text-anchor:middle}.chart .axis{text-anchor:end}
.chart .chart-title{font-size:13px;fill:var(--fg);font-weight:600}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .frame{fill:none;stroke:var(--line)}
.chart .fault{fill:var(--fault)}.chart .fault.open{stroke:var(--bad);stroke-dasharray:4 3}
.chart .hatch{fill:rgba(198,47,47,.25)}
.chart .fault-label{fill:var(--bad);font-weight:600}
.chart .bar.action{fill:var(--action)}.chart .bar.probe{fill:var(--probe)}.chart .bar.rollback{fill:var(--rollback)}
.chart .bar.failed{fill:var(--bad)}.chart .bar.skipped{fill:#b9bfca}
.chart .bar.pause{fill:#e4e7ee;stroke:#a9b0bd;stroke-dasharray:3 2}
.chart .bar.held,.chart .bar.hypothesis.held{fill:var(--held)}
.chart .bar.sample.failed,.chart .bar.hypothesis.failed{fill:var(--bad)}
.chart .mark.revert{fill:var(--held)}.chart .mark.revert.failed{fill:var(--bad)}
.chart .band{fill:var(--held-soft);opacity:.8}
.chart .series{fill:none;stroke:var(--action);stroke-width:1.6;stroke-linejoin:round}
.chart .series.bad{stroke:var(--bad);stroke-width:3;stroke-linecap:round}
.chart .held-ratio{fill:var(--fg)}
.chart .bar.outcome-held{fill:var(--held)}.chart .bar.outcome-deviated,.chart .bar.outcome-failed,.chart .bar.outcome-aborted{fill:var(--bad)}.chart .bar.outcome-interrupted,.chart .bar.outcome-unfinished,.chart .bar.outcome-untried{fill:var(--warn)}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:.8rem;color:var(--muted);margin:0 0 4px}
.legend i{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:-1px;border-radius:2px}
.warning{background:var(--bad-soft);border:1px solid var(--bad);border-radius:6px;padding:8px 12px;color:var(--bad);font-weight:600}
details summary{cursor:pointer;font-weight:600}
.error{margin:8px 0}.error .phase{font-size:.75rem;text-transform:uppercase;color:var(--muted);letter-spacing:.04em}
footer{margin-top:40px;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:8px}
@media print{
  html{font-size:11pt}body{max-width:none;padding:0}
  .run{break-before:page;border-top:none}.run:first-of-type{break-before:auto}
  h3,table,.chart,.verdict,.error,dl.facts{break-inside:avoid}
  pre{white-space:pre-wrap;max-height:none}
  a{color:inherit;text-decoration:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
