import { appCss } from './assets/app-css.js';
import { liveJs } from './assets/live-js.js';

const files: Record<string, { body: string; type: string }> = {
  'app.css': { body: appCss, type: 'text/css; charset=utf-8' },
  'live.js': { body: liveJs, type: 'text/javascript; charset=utf-8' },
};

/** The few files the pages load; carried in the code so the CLI bundle needs no asset folder. */
export function staticFile(name: string): { body: string; type: string } | undefined {
  return Object.hasOwn(files, name) ? files[name] : undefined;
}
