// BridgeSession's handling of particular engine answers, with the test playing the engine's end
// of a real socket (the real engine's answers are covered in engine.test.ts).
import { expect } from 'chai';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { EngineRequestError, EngineUnavailableError } from '../../src/bridge/errors.js';
import { LineSplitter } from '../../src/bridge/lineChannel.js';
import { createPipeEndpoint, removeEndpoint, type PipeEndpoint } from '../../src/bridge/pipeEndpoint.js';
import { BridgeSession, type SessionHooks } from '../../src/bridge/session.js';

interface Peer {
  session: BridgeSession;
  /** Requests the session sent, parsed. */
  received: Array<{ id: number; method: string }>;
  send: (line: string) => void;
  nextRequest: () => Promise<{ id: number; method: string }>;
  protocolErrors: EngineUnavailableError[];
  close: () => void;
}

async function scriptedPeer(onCallback: SessionHooks['onCallback'] = () => Promise.reject(new Error('no callbacks here'))): Promise<Peer> {
  const endpoint: PipeEndpoint = createPipeEndpoint();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(endpoint.listenPath, resolve));
  const engineEnd = connect(endpoint.listenPath);
  const nodeEnd = await new Promise<Socket>((resolve) => server.once('connection', resolve));
  const received: Array<{ id: number; method: string }> = [];
  const waiters: Array<(request: { id: number; method: string }) => void> = [];
  const splitter = new LineSplitter((line) => {
    const request = JSON.parse(line) as { id: number; method: string };
    received.push(request);
    waiters.shift()?.(request);
  });
  engineEnd.on('data', (chunk: Buffer) => splitter.push(chunk));
  const protocolErrors: EngineUnavailableError[] = [];
  const session: BridgeSession = new BridgeSession(nodeEnd, {
    onCallback,
    onCancelUnanswered: () => undefined,
    onStepLeftRunning: () => undefined,
    onScriptLeftRunning: () => undefined,
    // as the Engine does: a protocol violation ends the session
    onProtocolError: (error) => {
      protocolErrors.push(error);
      session.fail(error);
    },
  });
  const send = (line: string) => void engineEnd.write(`${line}\n`);
  send('{"type":"ready","protocol":1,"psVersion":"7.5","psEdition":"Core","moduleVersion":"0.1.0"}');
  await session.ready;
  return {
    session,
    received,
    send,
    protocolErrors,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => {
      engineEnd.destroy();
      nodeEnd.destroy();
      server.close();
      removeEndpoint(endpoint);
    },
  };
}

describe('BridgeSession (engine answers)', () => {
  it('fails only the request in flight when the engine answers it with id null (it could not read it)', async () => {
    const peer = await scriptedPeer();
    try {
      const unreadable = peer.session.request('invokeStep', { step: { type: 'X' } });
      const request = await peer.nextRequest();
      expect(request.method).to.equal('invokeStep');
      peer.send('{"type":"response","id":null,"error":{"message":"Malformed request: Cannot read incomplete UTF-16 JSON text","errorId":"TsSequence.MalformedRequest"}}');
      const error = await unreadable.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(EngineRequestError);
      expect((error as EngineRequestError).message).to.equal('The engine could not read the request: Malformed request: Cannot read incomplete UTF-16 JSON text');
      expect((error as EngineRequestError).errorId).to.equal('TsSequence.MalformedRequest');
      expect(peer.protocolErrors).to.deep.equal([]);
      expect(peer.session.failed).to.equal(false);

      const ping = peer.session.request('ping');
      const next = await peer.nextRequest();
      peer.send(JSON.stringify({ type: 'response', id: next.id, result: { pong: true } }));
      expect(await ping).to.deep.equal({ pong: true });
    } finally {
      peer.close();
    }
  });

  it('fails a request that cannot be serialized without sending it, and sends the next one', async () => {
    const peer = await scriptedPeer();
    try {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const error = await peer.session.request('invokeStep', { step: cyclic }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.name).to.equal('InvalidRequestError');
      expect(error?.message).to.match(/^invokeStep: the value at \$\.self is the object it is in again \(a cycle.*Nothing was sent/);
      const ping = peer.session.request('ping');
      const next = await peer.nextRequest();
      expect(next.method).to.equal('ping');
      peer.send(JSON.stringify({ type: 'response', id: next.id, result: { pong: true } }));
      expect(await ping).to.deep.equal({ pong: true });
      expect(peer.received.map((r) => r.method)).to.deep.equal(['ping']);
    } finally {
      peer.close();
    }
  });

  it('reports protocol violations without repeating what the engine sent (it may hold secrets)', async () => {
    const peer = await scriptedPeer();
    try {
      peer.send('{"type":"response","id":"x","result":{"variables":{"Password":"hunter2"}}}');
      peer.send('Password=hunter2 is not JSON');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(peer.protocolErrors.map((e) => e.message)).to.deep.equal([
        'The engine sent an unknown message: type "response", id "x", properties type, id, result.',
        'The engine sent a line that is not JSON (28 characters, not shown: it may hold variable values).',
      ]);
    } finally {
      peer.close();
    }
  });

  it("fails a Node step whose answer is too large for a JavaScript string, sending an error instead (never an exception)", async () => {
    // What V8 throws for a string over its length limit (a ~540 M character answer), without building one.
    const overlong = { toJSON: () => { throw new RangeError('Invalid string length'); } };
    const peer = await scriptedPeer(async (message) => ({ type: 'callbackResult', id: message.id, result: { variables: { Big: overlong as unknown as string }, exitCode: 0, message: '' } }));
    try {
      const answered = peer.nextRequest() as unknown as Promise<{ type: string; id: string; error?: { message: string } }>;
      peer.send('{"type":"callback","id":"c1","method":"invokeNodeStep","params":{"handler":"big"}}');
      const answer = await answered;
      expect(answer).to.deep.include({ type: 'callbackResult', id: 'c1' });
      expect(answer.error?.message).to.match(/^The Node step's answer is too large to encode \(over the longest string JavaScript can make\), over the bridge's message limit of 256 MiB/);
      expect(peer.session.failed).to.equal(false);
    } finally {
      peer.close();
    }
  });
});
