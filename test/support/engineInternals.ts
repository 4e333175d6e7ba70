// What some tests reach past the public API for: the current engine session's protocol session
// and socket, to send what the Engine itself refuses or to watch raw bytes.
import type { Socket } from 'node:net';
import type { Engine } from '../../src/bridge/Engine.js';
import type { BridgeSession } from '../../src/bridge/session.js';

interface Internals {
  connection: { session: BridgeSession; socket: Socket };
}

/** The protocol session of the engine process the Engine uses now. */
export function sessionOf(engine: Engine): BridgeSession {
  return (engine as unknown as Internals).connection.session;
}

/** The socket to the engine process the Engine uses now. */
export function socketOf(engine: Engine): Socket {
  return (engine as unknown as Internals).connection.socket;
}
