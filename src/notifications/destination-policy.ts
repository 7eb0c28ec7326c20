// Where a webhook may send: a webhook URL is a classic SSRF path (an admin key, or someone
// who got one, points it at the cloud metadata service or an internal admin port). So:
// only http/https; when WEBHOOK_ALLOWED_HOSTS is set, only those host names; and addresses in
// loopback, private, link-local, CGNAT, multicast and other special ranges are refused unless
// WEBHOOK_ALLOWED_PRIVATE_ADDRESSES lists them. The check runs on the address the name
// RESOLVES to, inside the connection's own lookup, so the address checked is the address
// connected to (no DNS-rebinding gap between check and connect).
import dns from 'node:dns';
import net from 'node:net';

/** IPv4 and IPv6 ranges that are not the public internet (IANA special-purpose registries). */
const SPECIAL_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const SPECIAL_V6: Array<[string, number]> = [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
];

function blockListOf(entries: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = net.isIP(address ?? '');
    if (!family) throw new Error(`"${entry}" is not an IP address or CIDR`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

const special = new net.BlockList();
for (const [a, p] of SPECIAL_V4) special.addSubnet(a, p, 'ipv4');
for (const [a, p] of SPECIAL_V6) special.addSubnet(a, p, 'ipv6');

/** "::ffff:127.0.0.1" is 127.0.0.1: check the IPv4 address inside an IPv4-mapped IPv6 one. */
function normalize(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, type: 'ipv4' };
  return { address, type: net.isIPv6(address) ? 'ipv6' : 'ipv4' };
}

export class DestinationRefused extends Error {
  override name = 'DestinationRefused';
}

export class DestinationPolicy {
  readonly #hosts: string[];
  readonly #allowedPrivate: net.BlockList;

  constructor(options: { allowedHosts: string[]; allowedPrivate: string[] }) {
    this.#hosts = options.allowedHosts.map((h) => h.toLowerCase());
    this.#allowedPrivate = blockListOf(options.allowedPrivate);
  }

  /** Why this URL may not be called, judged on its text alone (scheme, host name, literal IP); null if it may. */
  refuseUrl(text: string): string | null {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return 'not a valid URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the ${url.protocol} scheme is not allowed (http: or https: only)`;
    if (url.username || url.password) return 'credentials in the URL are not allowed (use the signing secret)';
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (this.#hosts.length && !this.#hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h))) {
      return `host ${host} is not in WEBHOOK_ALLOWED_HOSTS`;
    }
    if (net.isIP(host)) return this.refuseAddress(host);
    return null;
  }

  /** Why this resolved address may not be reached; null if it may. */
  refuseAddress(address: string): string | null {
    const { address: a, type } = normalize(address);
    if (special.check(a, type) && !this.#allowedPrivate.check(a, type)) {
      return `address ${address} is in a loopback/private/special range (allow it with WEBHOOK_ALLOWED_PRIVATE_ADDRESSES)`;
    }
    return null;
  }

  /** A `lookup` for http.request: resolves, then refuses the connection if any candidate address is refused. */
  readonly lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = list.map((a) => this.refuseAddress(a.address)).find(Boolean);
      if (refused || !list.length) return callback(new DestinationRefused(refused ?? `${hostname} resolved to nothing`), '', 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
