/**
 * Parameters that apps and sites append to a shared link, which Chronicle never reads:
 * WeChat adds `from=singlemessage&isappinstalled=0` (or `from=timeline`, `scene`,
 * `clicktime`, `enterid` …) to every page shared in a chat or on Moments, analytics add
 * `utm_*`, ad networks `fbclid`/`gclid`. A shared link must still open, so every route drops
 * them before its own strict schema (the API stays strict about its own parameters); a
 * parameter a route does own (the timeline's `from`) is never dropped. docs/api.md lists them.
 * Pure module.
 */

/** Exact names (compared lower-cased). */
export const SHARE_PARAMETERS: readonly string[] = [
  // WeChat (微信) and its in-app browser
  'from',
  'isappinstalled',
  'scene',
  'subscene',
  'ascene',
  'clicktime',
  'enterid',
  'sharer_sharetime',
  'sharer_shareid',
  'sharer_shareinfo',
  'sharer_shareinfo_first',
  'share_token',
  'devicetype',
  'version',
  'nettype',
  'pass_ticket',
  'wx_header',
  'wxfrom',
  // Alibaba / Taobao / Youku, Toutiao, QQ, Baidu, Weibo
  'spm',
  'scm',
  'tt_from',
  'share_source',
  'share_medium',
  'share_from',
  '_wv',
  'qq-pf-to',
  'bd_vid',
  'weibo_id',
  // Ad and mail click ids
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'mc_cid',
  'mc_eid',
  '_ga',
];
/** Name prefixes: utm_source, utm_medium, utm_campaign … */
export const SHARE_PARAMETER_PREFIXES: readonly string[] = ['utm_'];

const EXACT = new Set(SHARE_PARAMETERS);

export const isShareParameter = (key: string): boolean => {
  const k = key.toLowerCase();
  return EXACT.has(k) || SHARE_PARAMETER_PREFIXES.some((p) => k.startsWith(p));
};

/**
 * The query without the share parameters a route does not own. `owned` are the route's own
 * parameter names (its schema's keys), which are always kept and validated.
 */
export const withoutShareParameters = (query: Record<string, unknown> | undefined, owned: Iterable<string> = []): Record<string, unknown> => {
  const own = new Set(owned);
  return Object.fromEntries(Object.entries(query ?? {}).filter(([k]) => own.has(k) || !isShareParameter(k)));
};

/** The parameter names a zod object schema (refined or not) declares; empty when it is not an object. */
export const ownParameters = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
};

/**
 * Locale spellings browsers and apps send (WeChat's `lang=zh_CN`, `zh-CN`, `en-US`), mapped to
 * the newsroom's two locales. Anything else is left for the schema to refuse.
 */
const LOCALE_ALIASES: Readonly<Record<string, string>> = {
  zh: 'zh-Hans',
  'zh-cn': 'zh-Hans',
  zh_cn: 'zh-Hans',
  'zh-hans': 'zh-Hans',
  'zh-hans-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  en: 'en',
  'en-us': 'en',
  en_us: 'en',
  'en-gb': 'en',
  en_gb: 'en',
};

export const normaliseLocale = (value: unknown): unknown =>
  typeof value === 'string' ? (LOCALE_ALIASES[value.toLowerCase()] ?? value) : value;
