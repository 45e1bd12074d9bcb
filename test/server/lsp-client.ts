/**
 * A minimal LSP client for protocol tests: starts `node dist/server.js --stdio` as a real child
 * process and speaks JSON-RPC over its stdin/stdout with Content-Length framing.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = resolve(__dirname, '../..');
export const SERVER = resolve(REPO, 'dist/server.js');

type Handler = (params: any) => void;

/** A reply given as JSON text, for values `JSON.stringify` cannot write (nested 100,000 levels deep). */
export class RawJson {
  constructor(readonly json: string) {}
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private chunks: Buffer[] = [];
  private received = 0;
  private needed = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Handler[]>();
  /** Requests the server sent to us, answered by `onRequest` handlers (default: null). */
  private readonly requestHandlers = new Map<string, (params: any) => any>();
  readonly stderr: string[] = [];
  readonly diagnostics = new Map<string, { version?: number; diagnostics: any[] }[]>();

  /** `nodeArgs` go to node before the server (`--expose-gc`, `--max-old-space-size=…`). */
  constructor(args: string[] = ['--stdio'], nodeArgs: string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, SERVER, ...args], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.on('textDocument/publishDiagnostics', (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push({ version: p.version, diagnostics: p.diagnostics });
      this.diagnostics.set(p.uri, list);
    });
    this.onRequest('workspace/configuration', (p) => p.items.map(() => this.settings));
  }

  /** The `gongwen` settings section answered to `workspace/configuration`. */
  settings: unknown = {};

  /** The server's process id. */
  get pid(): number {
    return this.child.pid!;
  }

  get exited(): boolean {
    return this.child.exitCode !== null;
  }

  async initialize(options: { locale?: string; initializationOptions?: unknown; configuration?: boolean } = {}): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: options.locale ?? 'en',
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.configuration ?? false, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'refactor'] } } },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'gongwen'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The id the next request will get (to cancel it with `$/cancelRequest`). */
  get nextRequestId(): number {
    return this.nextId;
  }

  request<T = any>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out; server stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolvePromise(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  on(method: string, handler: Handler): void {
    const list = this.listeners.get(method) ?? [];
    list.push(handler);
    this.listeners.set(method, list);
  }

  onRequest(method: string, handler: (params: any) => any): void {
    this.requestHandlers.set(method, handler);
  }

  /** Waits for diagnostics of `uri` (for `version`, when given) to arrive. */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<any[]> {
    const started = Date.now();
    return new Promise((resolvePromise, reject) => {
      const poll = () => {
        const list = this.diagnostics.get(uri) ?? [];
        const hit = list.find((d) => version === undefined || d.version === version);
        if (hit) return resolvePromise(hit.diagnostics);
        if (Date.now() - started > timeoutMs) return reject(new Error(`no diagnostics for ${uri} v${version}; stderr: ${this.stderr.join('')}`));
        setTimeout(poll, 20);
      };
      poll();
    });
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    await new Promise<void>((r) => {
      const timer = setTimeout(() => {
        this.child.kill();
        r();
      }, 2000);
      this.child.on('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
  }

  private send(message: unknown): void {
    this.sendText(JSON.stringify(message));
  }

  private sendText(json: string): void {
    const body = Buffer.from(json, 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    // Large replies come in many chunks; join them once the whole message is there, not per chunk.
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.received < this.needed) return;
    this.buffer = Buffer.concat([this.buffer, ...this.chunks]);
    this.chunks = [];
    this.received = this.buffer.length;
    this.needed = 0;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString());
      if (!match) throw new Error('bad header from server');
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) {
        this.needed = headerEnd + 4 + length;
        return;
      }
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.received = this.buffer.length;
      this.dispatch(message);
    }
  }

  private dispatch(message: any): void {
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!pending) return;
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    } else if (message.id !== undefined) {
      const handler = this.requestHandlers.get(message.method);
      const result = handler ? handler(message.params) : null;
      if (result instanceof RawJson) this.sendText(`{"jsonrpc":"2.0","id":${JSON.stringify(message.id)},"result":${result.json}}`);
      else this.send({ jsonrpc: '2.0', id: message.id, result });
    } else {
      for (const handler of this.listeners.get(message.method) ?? []) handler(message.params);
    }
  }
}

/** A `file://` URI for a path. */
export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}
