/**
 * Which network interface the hub listens on. Never all of them silently: the organizer picks one of
 * this computer's LAN addresses; the default is the address of the interface that carries the default
 * route (the venue's Wi-Fi or cable, not a VPN or a virtual machine's bridge), found by asking the OS
 * which source address it would use — a UDP "connect" sends no packet.
 */
import dgram from 'node:dgram';
import os from 'node:os';

/** This computer's non-loopback IPv4 addresses (Wi-Fi, Ethernet), sorted. */
export function lanAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): string[] {
  const out: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) out.push(i.address);
  }
  return [...new Set(out)].sort();
}

/** A documentation address (TEST-NET-3): only used to ask the routing table, nothing is sent to it. */
const PROBE = '203.0.113.1';

/** The local address of the default route, or null (no network, or no default route: an offline LAN). */
export function defaultRouteAddress(): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const finish = (address: string | null) => {
      socket.close();
      resolve(address);
    };
    socket.once('error', () => finish(null));
    socket.connect(9, PROBE, () => {
      try {
        finish(socket.address().address);
      } catch {
        finish(null);
      }
    });
  });
}

/**
 * The address offered first: the default route's, if it is one of the LAN addresses; otherwise the
 * first LAN address (a venue network without internet often has no default route); null: no network.
 */
export async function suggestedAddress(addresses: readonly string[], route: () => Promise<string | null> = defaultRouteAddress): Promise<string | null> {
  const viaRoute = await route();
  if (viaRoute && addresses.includes(viaRoute)) return viaRoute;
  return addresses[0] ?? null;
}
