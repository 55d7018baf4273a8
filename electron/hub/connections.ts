/**
 * Connection caps for the hub's listening socket, applied to raw TCP connections before TLS:
 * - per address: more than `maxPerAddress` open connections from one address → the new one is closed;
 * - in all: at `maxConnections`, the OLDEST connection that has not yet shown a paired desk's token is
 *   closed to make room. Slow or silent connections (a "slowloris" holding thousands open) thus push
 *   each other out, while a real desk — whose request arrives at once and is marked trusted as soon
 *   as its token checks out — keeps its place;
 * - a TLS handshake not finished within `handshakeMs` is closed.
 */
import type net from 'node:net';

export type ConnectionLimits = { maxConnections: number; maxPerAddress: number; handshakeMs: number };

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { maxConnections: 256, maxPerAddress: 32, handshakeMs: 5_000 };

type Entry = { address: string; trusted: boolean };

export class ConnectionGuard {
  /** Insertion order is age: the first untrusted entry is the oldest. */
  private readonly open = new Map<net.Socket, Entry>();
  private readonly perAddress = new Map<string, number>();
  /** Connections closed by the caps (for the tests and the log). */
  dropped = 0;

  constructor(private readonly limits: ConnectionLimits) {}

  get size(): number {
    return this.open.size;
  }

  get handshakeMs(): number {
    return this.limits.handshakeMs;
  }

  /** Closes every connection (the hub stops). */
  destroyAll(): void {
    for (const socket of [...this.open.keys()]) socket.destroy();
  }

  /** Registers a new connection; false (and the socket is destroyed) when it may not stay. */
  admit(socket: net.Socket): boolean {
    const address = socket.remoteAddress ?? 'unknown';
    if ((this.perAddress.get(address) ?? 0) >= this.limits.maxPerAddress) return this.drop(socket);
    if (this.open.size >= this.limits.maxConnections && !this.evictOldestUntrusted()) return this.drop(socket);
    this.open.set(socket, { address, trusted: false });
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    socket.once('close', () => this.forget(socket));
    return true;
  }

  /** A paired desk authenticated on this connection: it is never evicted for room. */
  trust(socket: net.Socket): void {
    const entry = this.open.get(socket);
    if (entry) entry.trusted = true;
  }

  private evictOldestUntrusted(): boolean {
    for (const [socket, entry] of this.open) {
      if (entry.trusted) continue;
      this.forget(socket);
      this.drop(socket);
      return true;
    }
    return false;
  }

  private drop(socket: net.Socket): false {
    this.dropped += 1;
    socket.destroy();
    return false;
  }

  private forget(socket: net.Socket): void {
    const entry = this.open.get(socket);
    if (!entry) return;
    this.open.delete(socket);
    const left = (this.perAddress.get(entry.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(entry.address, left);
    else this.perAddress.delete(entry.address);
  }
}
