/**
 * The hover feature (not built yet).
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';

export function capabilities(): Partial<ServerCapabilities> {
  return {};
}

export function register(_ctx: ServerContext): void {}
