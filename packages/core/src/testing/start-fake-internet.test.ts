import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSystemBinary } from './find-system-binary.js';
import { startFakeInternet, type FakeInternet } from './start-fake-internet.js';

// Proves the test double itself: a child process with the env reaches the named https host
// through the proxy and trusts its certificate; any other host is refused.
describe.skipIf(!findSystemBinary('openssl'))('startFakeInternet', () => {
  let internet: FakeInternet;
  beforeAll(async () => {
    internet = await startFakeInternet({
      'api.example.com': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}'),
    });
  });
  afterAll(() => internet.close());

  // A child process (not this one: the proxy runs on this event loop) makes the request.
  const fetchIn = (url: string) =>
    promisify(execFile)(
      process.execPath,
      [
        '-e',
        `
      const net=require('node:net');const tls=require('node:tls');const proxy=new URL(process.env.HTTPS_PROXY);const target=new URL(${JSON.stringify(url)});
      const s=net.connect(proxy.port,proxy.hostname,()=>{s.write('CONNECT '+target.hostname+':443 HTTP/1.1\\r\\nHost: '+target.hostname+':443\\r\\n\\r\\n')});
      s.once('data',(d)=>{if(!String(d).includes(' 200 ')){console.log('refused');process.exit(0)}
        const t=tls.connect({socket:s,servername:target.hostname},()=>{t.write('GET '+target.pathname+' HTTP/1.1\\r\\nHost: '+target.hostname+'\\r\\nConnection: close\\r\\n\\r\\n')});
        let out='';t.on('data',(c)=>out+=c);t.on('end',()=>{console.log(out.split('\\r\\n\\r\\n')[1]);});t.on('error',(e)=>console.log('tls error',e.code))});`,
      ],
      { env: { ...process.env, ...internet.env }, encoding: 'utf8', timeout: 10_000 },
    );

  it('serves the named host over TLS trusted through NODE_EXTRA_CA_CERTS', async () => {
    expect((await fetchIn('https://api.example.com/health')).stdout).toContain('{"status":"UP"}');
    expect(internet.requests).toContain('GET https://api.example.com/health');
  });

  it('refuses any other host', async () => {
    expect((await fetchIn('https://elsewhere.example.org/')).stdout.trim()).toBe('refused');
  });
});
