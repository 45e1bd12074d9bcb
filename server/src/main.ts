/**
 * Entry point of `dist/server.js`: `node dist/server.js --stdio`.
 */
import { startServer } from './server';

startServer();
