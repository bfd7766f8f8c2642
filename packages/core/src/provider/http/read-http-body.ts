import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { isJsonMediaType } from './build-http-request.js';

/**
 * Decodes a response body: undoes Content-Encoding, decodes the charset (UTF-8 by default,
 * where python-requests guesses Latin-1 for text/*), and parses JSON when the content type is JSON
 * (also with `; charset=` and `+json`). A JSON content type with an unparseable body yields the text.
 */
export function readHttpBody(body: Buffer, headers: Record<string, string>): unknown {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const bytes = decompress(body, lower['content-encoding']);
  const contentType = lower['content-type'];
  const text = decodeText(bytes, charsetOf(contentType));
  if (isJsonMediaType(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function decompress(body: Buffer, encoding: string | undefined): Buffer {
  if (!encoding || body.length === 0) return body;
  try {
    switch (encoding.trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(body);
      case 'deflate':
        try {
          return inflateSync(body);
        } catch {
          return inflateRawSync(body);
        }
      case 'br':
        return brotliDecompressSync(body);
      default:
        return body;
    }
  } catch {
    return body;
  }
}

function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return match?.[1];
}

function decodeText(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
