import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSignedCert {
  /** PEM private key (RSA 2048, unencrypted). */
  key: string;
  /** PEM certificate, valid one day; a CA too, so it can be trusted as is (NODE_EXTRA_CA_CERTS, ca.crt). */
  cert: string;
}

/**
 * A throwaway certificate for TLS tests (needs the openssl binary; find it with
 * `findSystemBinary('openssl')`). `hosts` become its subject alternative names (IP or DNS) and
 * the first its common name. One implementation for every test server that speaks TLS.
 */
export function selfSignedCert(options: { hosts?: readonly string[]; openssl?: string } = {}): SelfSignedCert {
  const hosts = options.hosts?.length ? options.hosts : ['127.0.0.1'];
  const san = hosts.map((host) => `${isIP(host) ? 'IP' : 'DNS'}:${host}`).join(',');
  const dir = mkdtempSync(join(tmpdir(), 'faultline-tls-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      options.openssl ?? 'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat(
        ['-subj', `/CN=${hosts[0]}`, '-addext', `subjectAltName=${san}`],
        ['-addext', 'basicConstraints=critical,CA:TRUE'],
      ),
      { stdio: 'pipe' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
