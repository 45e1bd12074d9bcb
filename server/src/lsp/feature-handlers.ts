/**
 * Registers the features beyond outline, folding and selection. Each feature lives in its own
 * module with a `capabilities()` and a `register(ctx)`.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import * as codeActions from './code-actions';
import * as commands from './commands';
import * as completion from './completion';
import * as hover from './hover';

const FEATURES = [codeActions, commands, completion, hover];

/** Capabilities of the features registered by {@link registerFeatureHandlers}. */
export function featureCapabilities(): Partial<ServerCapabilities> {
  return Object.assign({}, ...FEATURES.map((f) => f.capabilities()));
}

/** Registers the code action, command, completion and hover handlers (see {@link featureCapabilities}). */
export function registerFeatureHandlers(ctx: ServerContext): void {
  for (const f of FEATURES) f.register(ctx);
}
