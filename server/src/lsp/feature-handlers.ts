/**
 * Handlers for features beyond the outline: code actions, completion, hover, commands.
 * Each feature registers here and declares its capability.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';

/** Capabilities of the features registered by {@link registerFeatureHandlers}. */
export function featureCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerFeatureHandlers(_ctx: ServerContext): void {}
