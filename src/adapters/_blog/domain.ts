/**
 * Registrable domain ("eTLD+1") without shipping the whole Public Suffix List (~200 KB, over the
 * content-script budget): the second-level suffixes our users meet most (UK, AT, AU, …) and the
 * hosting platforms whose subdomains are separate sites (each blogspot/wordpress.com blog is its
 * own owner, so a link from one to another is external).
 */
const MULTI_PART_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'net.uk',
  'co.at',
  'or.at',
  'gv.at',
  'ac.at',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'co.za',
  'co.jp',
  'ne.jp',
  'or.jp',
  'co.in',
  'co.il',
  'co.kr',
  'com.br',
  'com.mx',
  'com.ar',
  'com.tr',
  'com.cn',
  'com.hk',
  'com.sg',
  'com.tw',
  'com.pl',
  'blogspot.com',
  'wordpress.com',
  'github.io',
  'substack.com',
  'ghost.io',
  'tumblr.com',
  'netlify.app',
  'pages.dev',
  'vercel.app',
  'medium.com',
]);

export function registrableDomain(host: string): string {
  const h = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h;
  const parts = h.split('.');
  if (parts.length <= 2) return h;
  const lastTwo = parts.slice(-2).join('.');
  if (MULTI_PART_SUFFIXES.has(lastTwo)) return parts.slice(-3).join('.');
  return lastTwo;
}

export function sameSite(a: string, b: string): boolean {
  return registrableDomain(a) === registrableDomain(b);
}
