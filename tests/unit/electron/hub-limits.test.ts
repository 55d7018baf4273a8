import { EventEmitter } from 'node:events';
import type net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Approvals, MAX_PENDING, PENDING_TTL_MS } from '../../../electron/hub/approvals';
import { ConnectionGuard } from '../../../electron/hub/connections';
import { checkJsonShape, TOO_COMPLEX } from '../../../electron/hub/json-limits';
import { wordRu } from '../../../shared/text/said';

/*
 * The hub's small limit keepers on their own: the JSON shape scan, the approval list and the
 * connection caps (the server tests drive them over real sockets; these pin the rules down).
 */
const bytes = (text: string) => new TextEncoder().encode(text);

describe('checkJsonShape', () => {
  it('counts values and nesting, and ignores brackets and commas inside strings (escaped quotes too)', () => {
    const text = '{"a":[1,2,{"b":"[[[,,,]]]"}],"c":"say \\"[,]\\""}';
    expect(JSON.parse(text)).toBeTruthy();
    expect(() => checkJsonShape(bytes(text), { maxDepth: 3, maxElements: 7 })).not.toThrow();
    expect(() => checkJsonShape(bytes(text), { maxDepth: 2, maxElements: 100 })).toThrow(wordRu(TOO_COMPLEX));
    expect(() => checkJsonShape(bytes(text), { maxDepth: 3, maxElements: 6 })).toThrow(wordRu(TOO_COMPLEX));
  });

  it('stops a deep or wide bomb at the first limit crossed', () => {
    expect(() => checkJsonShape(bytes('['.repeat(100_000)), { maxDepth: 16, maxElements: 1e9 })).toThrow(wordRu(TOO_COMPLEX));
    expect(() => checkJsonShape(bytes(`[${'0,'.repeat(1_000)}0]`), { maxDepth: 16, maxElements: 1_000 })).toThrow(wordRu(TOO_COMPLEX));
  });
});

describe('Approvals', () => {
  const device = (id: string) => ({ id, name: id, role: 'desk' as const, publicKey: 'k'.repeat(20) });
  const add = (a: Approvals, id: string) => a.add({ device: device(id), clientFingerprint: 'f'.repeat(64), address: '127.0.0.1' });

  it('keeps at most MAX_PENDING, dropping the oldest; one request per device', () => {
    const a = new Approvals(() => 0);
    const first = add(a, 'd0');
    for (let i = 1; i <= MAX_PENDING; i++) add(a, `d${i}`);
    expect(a.waiting()).toHaveLength(MAX_PENDING);
    expect(a.get(first.id)).toBeUndefined();
    const again = add(a, 'd5');
    expect(a.waiting().filter((p) => p.device.id === 'd5')).toEqual([again]);
  });

  it('forgets requests after the TTL; a decision is taken once', () => {
    let now = 0;
    const a = new Approvals(() => now);
    const p = add(a, 'd1');
    expect(a.decide(p.id, { approve: true, role: 'district' })).toBe(true);
    expect(a.decide(p.id, { approve: false })).toBe(false);
    expect(a.get(p.id)).toMatchObject({ state: 'approved', grantedRole: 'district' });
    const q = add(a, 'd2');
    now += PENDING_TTL_MS + 1;
    expect(a.get(q.id)).toBeUndefined();
    expect(a.decide(q.id, { approve: true, role: 'desk' })).toBe(false);
  });
});

describe('ConnectionGuard', () => {
  class FakeSocket extends EventEmitter {
    destroyed = false;
    constructor(readonly remoteAddress: string) {
      super();
    }
    destroy() {
      if (!this.destroyed) {
        this.destroyed = true;
        this.emit('close');
      }
    }
  }
  const socket = (address: string) => new FakeSocket(address) as unknown as net.Socket & FakeSocket;

  it('refuses the newest beyond the per-address cap, and evicts the oldest untrusted for room', () => {
    const guard = new ConnectionGuard({ maxConnections: 3, maxPerAddress: 2, handshakeMs: 1_000 });
    const a1 = socket('10.0.0.1');
    const a2 = socket('10.0.0.1');
    const a3 = socket('10.0.0.1');
    expect(guard.admit(a1)).toBe(true);
    expect(guard.admit(a2)).toBe(true);
    expect(guard.admit(a3)).toBe(false);
    expect(a3.destroyed).toBe(true);

    const desk = socket('10.0.0.9');
    expect(guard.admit(desk)).toBe(true);
    guard.trust(a1);
    // full: the oldest UNTRUSTED one (a2) makes room, the trusted a1 stays
    const b = socket('10.0.0.2');
    expect(guard.admit(b)).toBe(true);
    expect(a2.destroyed).toBe(true);
    expect(a1.destroyed).toBe(false);
    expect(guard.size).toBe(3);
    expect(guard.dropped).toBe(2);
    // a closed connection frees its places
    desk.destroy();
    expect(guard.size).toBe(2);
  });
});
