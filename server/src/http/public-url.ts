/**
 * The absolute base URL of the public portal, for links that leave the server
 * (the QR code on a certificate points at /certificates/<number>):
 * ZHIFA_PUBLIC_URL when set (behind a proxy or a domain name), otherwise the
 * address the server listens on, with loopback for a wildcard address.
 */
export function publicUrlFromEnvironment(env: NodeJS.ProcessEnv, host: string, port: number): string {
  const given = env.ZHIFA_PUBLIC_URL;
  if (given) {
    let url: URL;
    try {
      url = new URL(given);
    } catch {
      throw new Error(`ZHIFA_PUBLIC_URL 无效：${given}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`ZHIFA_PUBLIC_URL 应以 http:// 或 https:// 开头：${given}`);
    return url.toString().replace(/\/+$/, '');
  }
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** The base URL to print in links: the configured one, or (in tests) the request's own origin. */
export function publicBaseUrl(configured: string | undefined, request: { protocol: string; host: string }) {
  return configured ?? `${request.protocol}://${request.host}`;
}
