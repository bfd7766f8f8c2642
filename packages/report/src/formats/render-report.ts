import { UsageError, type Journal } from '@faultline/core';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';
import { renderPdf, type PdfOptions } from './render-pdf.js';

export const exportFormats = ['html', 'markdown', 'json', 'junit', 'pdf'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const aliases: Record<string, ExportFormat> = { md: 'markdown', xml: 'junit', 'junit-xml': 'junit', html5: 'html' };

/** Reads an --export-format value (case-insensitive; `md`, `xml`, `html5` accepted). */
export function parseExportFormat(value: string): ExportFormat {
  const key = value.trim().toLowerCase();
  const format = (exportFormats as readonly string[]).includes(key) ? (key as ExportFormat) : aliases[key];
  if (!format)
    throw new UsageError(`unknown export format "${value}"`, {
      code: 'E_REPORT_FORMAT',
      hint: `use one of: ${exportFormats.join(', ')}`,
    });
  return format;
}

/** Any format from one or more journals: text for all but PDF, which is bytes. */
export async function renderReport(
  format: ExportFormat,
  input: Journal | readonly Journal[],
  options: PdfOptions = {},
): Promise<string | Buffer> {
  switch (format) {
    case 'html':
      return renderHtml(input, options);
    case 'markdown':
      return renderMarkdown(input, options);
    case 'json':
      return renderJson(input, options);
    case 'junit':
      return renderJunit(input);
    case 'pdf':
      return renderPdf(input, options);
  }
}
