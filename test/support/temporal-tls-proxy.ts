import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http2, {
  type ClientHttp2Session,
  type Http2SecureServer,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';

/** PEM files of a private CA, a server certificate and a client certificate it issued. */
export interface TestPki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A CA that issued nothing here: a server certificate from it must be refused. */
  otherCaCert: string;
}

/**
 * Makes a throw-away PKI with openssl: the CA a secured Temporal frontend and its clients share,
 * a server certificate for `serverName` and a client certificate for `clientName`.
 */
export function makeTestPki(serverName: string, clientName: string): TestPki {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cjg-tls-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  /** A new P-256 key in `<name>.key` and, with `x509`, a self-signed CA certificate, else a CSR. */
  const request = (name: string, subject: string, x509: boolean) =>
    openssl(
      'req',
      ...(x509 ? ['-x509', '-days', '2'] : ['-new']),
      ...['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', file(`${name}.key`), '-out', file(`${name}.${x509 ? 'crt' : 'csr'}`)],
      ...['-subj', `/CN=${subject}`],
      ...(x509
        ? [
            '-addext',
            'basicConstraints=critical,CA:TRUE',
            '-addext',
            'keyUsage=critical,keyCertSign,cRLSign',
          ]
        : []),
    );
  for (const name of ['ca', 'other-ca']) request(name, `${name} for cjg-toegang tests`, true);
  const issue = (name: string, subject: string, extensions: string) => {
    request(name, subject, false);
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-out',
      file(`${name}.crt`),
      '-days',
      '2',
      '-extfile',
      file(`${name}.ext`),
    );
  };
  issue(
    'server',
    serverName,
    `subjectAltName=DNS:${serverName}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`,
  );
  issue('client', clientName, 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n');
  return {
    dir,
    caCert: file('ca.crt'),
    serverCert: file('server.crt'),
    serverKey: file('server.key'),
    clientCert: file('client.crt'),
    clientKey: file('client.key'),
    otherCaCert: file('other-ca.crt'),
  };
}

/** What the proxy saw of one gRPC call. */
export interface SeenCall {
  /** The common name of the client certificate the TLS connection was authenticated with. */
  clientCertificate: string | undefined;
  authorization: string | undefined;
  path: string;
}

/**
 * A secured Temporal frontend for tests: an HTTP/2 server with TLS that demands a client
 * certificate from `pki`'s CA (mutual TLS), in front of a plain dev server, forwarding every gRPC
 * call (headers, messages, trailers) and noting who made it. The Temporal dev server itself has
 * no TLS settings; this is what a secured cluster or Temporal Cloud looks like to a client.
 */
export class TemporalTlsProxy {
  readonly calls: SeenCall[] = [];
  /** TLS handshakes the proxy refused (no or a wrong client certificate). */
  readonly refusedHandshakes: string[] = [];
  private upstream?: ClientHttp2Session;
  private readonly sessions = new Set<http2.ServerHttp2Session>();

  private constructor(
    private readonly server: Http2SecureServer,
    readonly port: number,
  ) {}

  static async start(pki: TestPki, target: string): Promise<TemporalTlsProxy> {
    const server = http2.createSecureServer({
      key: readFileSync(pki.serverKey),
      cert: readFileSync(pki.serverCert),
      ca: readFileSync(pki.caCert),
      requestCert: true,
      rejectUnauthorized: true,
      allowHTTP1: false,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new TemporalTlsProxy(server, (server.address() as AddressInfo).port);
    server.on('tlsClientError', (error) => proxy.refusedHandshakes.push(error.message));
    server.on('session', (session) => {
      proxy.sessions.add(session);
      session.on('close', () => proxy.sessions.delete(session));
    });
    server.on('stream', (stream, headers) => proxy.forward(target, stream, headers));
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  private forward(
    target: string,
    stream: ServerHttp2Stream,
    headers: http2.IncomingHttpHeaders,
  ): void {
    const socket = stream.session?.socket as TLSSocket | undefined;
    this.calls.push({
      clientCertificate: socket?.getPeerCertificate()?.subject?.CN as string | undefined,
      authorization: headers.authorization,
      path: String(headers[':path']),
    });
    if (!this.upstream || this.upstream.destroyed || this.upstream.closed) {
      this.upstream = http2.connect(`http://${target}`);
      this.upstream.on('error', () => undefined);
    }
    const forwarded: http2.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) {
      if (name === ':authority' || name === ':scheme') continue;
      forwarded[name] = value;
    }
    const call = this.upstream.request(forwarded);
    let trailers: http2.IncomingHttpHeaders | undefined;
    call.on('response', (responseHeaders, flags) => {
      // A trailers-only answer (a gRPC error) ends with its headers.
      const endStream = (flags & http2.constants.NGHTTP2_FLAG_END_STREAM) !== 0;
      if (stream.destroyed) return;
      if (endStream) stream.respond(responseHeaders, { endStream: true });
      else stream.respond(responseHeaders, { waitForTrailers: true });
    });
    call.on('trailers', (received) => (trailers = received));
    stream.on('wantTrailers', () => stream.sendTrailers(trailers ?? { 'grpc-status': '0' }));
    call.on('data', (chunk: Buffer) => {
      if (!stream.destroyed && stream.headersSent) stream.write(chunk);
    });
    call.on('end', () => {
      if (!stream.destroyed && stream.headersSent && !stream.writableEnded) stream.end();
    });
    call.on('error', () => stream.destroy());
    stream.on('data', (chunk: Buffer) => call.write(chunk));
    stream.on('end', () => call.end());
    stream.on('close', () => {
      if (!call.closed) call.close();
    });
  }

  async close(): Promise<void> {
    this.upstream?.destroy();
    // Open sessions (idle gRPC channels) would keep close() waiting.
    for (const session of this.sessions) session.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
