import type { ControlDefinition, ControlHookParams } from '@faultline/core';
import { httpRequest, redactText } from '../http/http-request.js';
import { experimentTitle, journalOf, setting } from './control-arguments.js';

interface OpenAnnotation {
  id: number;
  start: number;
  url: string;
  headers: Record<string, string>;
  tags: string[];
  title: string;
}

const open = new Map<string, OpenAnnotation>();

function tagsOf(params: ControlHookParams): string[] {
  const tags = params.arguments.tags;
  if (Array.isArray(tags)) return tags.map(String);
  if (typeof tags === 'string')
    return tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  return ['chaos', 'faultline'];
}

function headersOf(params: ControlHookParams): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = setting(params, 'grafana_token', 'grafana_api_key');
  const user = setting(params, 'grafana_username');
  if (token) headers.authorization = `Bearer ${token}`;
  else if (user)
    headers.authorization = `Basic ${Buffer.from(`${user}:${setting(params, 'grafana_password') ?? ''}`).toString('base64')}`;
  const org = setting(params, 'grafana_org_id');
  if (org) headers['x-grafana-org-id'] = org;
  return headers;
}

/**
 * Posts a region annotation to Grafana when the experiment starts (POST /api/annotations) and
 * closes it when the run ends (PATCH /api/annotations/:id with timeEnd, status tags and text),
 * so dashboards show exactly when chaos was injected and how the run ended.
 * Settings (argument, else secret, else configuration): grafana_url, grafana_token (or
 * grafana_username + grafana_password), grafana_org_id; arguments: dashboard_uid, panel_id, tags.
 */
export const grafanaAnnotationsControl: ControlDefinition = {
  name: 'grafana_annotations',
  description: 'Mark the experiment run as a region annotation in Grafana, updated with its status when the run ends.',
  module: {
    async before_experiment_control(params) {
      const base = setting(params, 'grafana_url');
      if (!base) {
        params.logger.warn(
          'grafana_annotations: no grafana_url in arguments, secrets or configuration; no annotation posted',
        );
        return;
      }
      const url = `${base.replace(/\/+$/, '')}/api/annotations`;
      const start = Date.now();
      const tags = [...tagsOf(params), `run:${params.runId}`];
      const title = experimentTitle(params.experiment);
      const body: Record<string, unknown> = {
        time: start,
        timeEnd: start,
        tags,
        text: `Chaos experiment started: ${title}`,
      };
      const dashboardUid = setting(params, 'dashboard_uid');
      const panelId = setting(params, 'panel_id');
      if (dashboardUid) body.dashboardUID = dashboardUid;
      if (panelId) body.panelId = Number(panelId);
      const headers = headersOf(params);
      try {
        const response = await httpRequest(url, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          timeoutMs: 10_000,
        });
        const parsed = safeJson(response.body) as { id?: number } | undefined;
        if (response.status !== 200 || typeof parsed?.id !== 'number') {
          params.logger.warn(`Grafana refused the annotation (HTTP ${response.status})`, {
            url: redactText(url),
            body: response.body.slice(0, 200),
          });
          return;
        }
        open.set(params.runId, { id: parsed.id, start, url, headers, tags, title });
        params.logger.info('Grafana annotation posted', { id: parsed.id });
      } catch (error) {
        // Annotations are for people; they must never break the run.
        params.logger.warn(`could not post the Grafana annotation: ${(error as Error).message}`, {
          url: redactText(url),
        });
      }
    },
    async after_experiment_control(params) {
      const annotation = open.get(params.runId);
      if (!annotation) return;
      open.delete(params.runId);
      const journal = journalOf(params.state);
      const status = journal.status ?? 'unknown';
      const outcome = journal.deviated ? `${status}, deviated` : status;
      const body = {
        time: annotation.start,
        timeEnd: Date.now(),
        tags: [...annotation.tags, `status:${status}`, ...(journal.deviated ? ['deviated'] : [])],
        text: `Chaos experiment ${annotation.title}: ${outcome}`,
      };
      const url = `${annotation.url}/${annotation.id}`;
      try {
        const response = await httpRequest(url, {
          method: 'PATCH',
          headers: annotation.headers,
          body: JSON.stringify(body),
          timeoutMs: 10_000,
        });
        if (response.status !== 200)
          params.logger.warn(`Grafana refused the annotation update (HTTP ${response.status})`, {
            url: redactText(url),
            body: response.body.slice(0, 200),
          });
      } catch (error) {
        params.logger.warn(`could not update the Grafana annotation: ${(error as Error).message}`, {
          url: redactText(url),
        });
      }
    },
  },
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
