import { describe, expect, it } from 'vitest';
import type { LiveRun } from '../live-runs.js';
import { renderLivePage, renderLiveRun } from './live-page.js';

const operator = { role: 'operator' as const };
const now = Date.parse('2026-03-01T10:00:00.000Z');
const run = (more: Partial<LiveRun> = {}): LiveRun => ({
  id: 'r-remote-1',
  title: 'remote run',
  phase: 'method',
  startedAt: '2026-03-01T09:59:00.000Z',
  liveness: 'running',
  stopRequested: false,
  faults: [{ name: 'inject-latency', since: '2026-03-01T09:59:30.000Z', undo: 'remove latency' }],
  samples: [],
  ...more,
});

describe('live page cards of runs on other hosts', () => {
  it('marks a run with its host (escaped) and keeps its Stop button', () => {
    const html = renderLiveRun(run({ host: 'ci-<img src=x onerror=alert(1)>' }), operator, now);
    expect(html).toContain('<span class="badge host">on ci-&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(html).not.toContain('<img');
    expect(html).toContain('>Stop</button>');
  });

  it('shows a lost run as lost, since when, and where to revert it, without a Stop button', () => {
    const html = renderLiveRun(
      run({ host: 'ci-7', liveness: 'lost', heartbeatAt: '2026-03-01T09:59:40.000Z' }),
      operator,
      now,
    );
    expect(html).toContain('lost, last heard 20 s ago: faults may still be in place (faultline stop on ci-7)');
    expect(html).not.toContain('>Stop</button>');
  });

  it('says whose runs the page lists', () => {
    const html = renderLivePage([], operator, false, [], new Set(), 'this machine and <b>the team</b>');
    expect(html).toContain('Runs of this machine and &lt;b&gt;the team&lt;/b&gt;.');
  });
});
