/**
 * The share card's layout (1200×630, the size OpenGraph and Twitter crop best): an SVG made
 * with React (text escaped by default), rasterised by ./card-render.ts with sharp. The CJK
 * font is Debian's fonts-noto-cjk, found through fontconfig by family name. Pure module.
 */
import { renderToStaticMarkup } from 'react-dom/server';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Noto Sans CJK SC first (fonts-noto-cjk); the generic family only as a last resort. */
export const CARD_FONT = "'Noto Sans CJK SC', 'Noto Sans CJK', 'Noto Serif CJK SC', sans-serif";

export interface CardInput {
  kicker: string;
  title: string;
  subtitle: string;
  badges: string[];
  siteName: string;
  footer: string;
}

/** Rough advance width in em: CJK and full-width forms are square, Latin about half. */
export const textWidthEm = (text: string): number =>
  Array.from(text).reduce((w, ch) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.56), 0);

/** The largest font size up to `max` at which `text` fits `width`. */
export const fitFontSize = (text: string, width: number, max: number, min = 28): number => {
  const em = textWidthEm(text);
  if (!em) return max;
  return Math.max(min, Math.min(max, Math.floor(width / em)));
};

/** Cut to what fits at `size`, with an ellipsis. */
export const clip = (text: string, width: number, size: number): string => {
  const chars = Array.from(text);
  if (textWidthEm(text) * size <= width) return text;
  let out = '';
  for (const ch of chars) {
    if ((textWidthEm(out + ch) + 1) * size > width) break;
    out += ch;
  }
  return `${out}…`;
};

export const cardSvg = (card: CardInput): string => {
  const inner = CARD_WIDTH - 160;
  const titleSize = fitFontSize(card.title, inner, 120, 56);
  const subtitleSize = 40;
  let badgeX = 80;
  const badges = card.badges.slice(0, 6).map((label) => {
    const w = Math.ceil(textWidthEm(label) * 30 + 40);
    const x = badgeX;
    badgeX += w + 16;
    return { label, x, w };
  }).filter((b) => b.x + b.w <= CARD_WIDTH - 80);
  const svg = (
    <svg xmlns="http://www.w3.org/2000/svg" width={CARD_WIDTH} height={CARD_HEIGHT} viewBox={`0 0 ${CARD_WIDTH} ${CARD_HEIGHT}`}>
      <rect width={CARD_WIDTH} height={CARD_HEIGHT} fill="#fbf7ef" />
      <rect width={CARD_WIDTH} height={24} fill="#a3161a" />
      <rect x={40} y={64} width={CARD_WIDTH - 80} height={CARD_HEIGHT - 128} fill="none" stroke="#a3161a" strokeWidth={3} />
      <text x={80} y={140} fontFamily={CARD_FONT} fontSize={36} fill="#a3161a" fontWeight={700}>
        {clip(card.kicker, inner, 36)}
      </text>
      <text x={80} y={140 + 40 + titleSize} fontFamily={CARD_FONT} fontSize={titleSize} fill="#1a1a1a" fontWeight={700}>
        {clip(card.title, inner, titleSize)}
      </text>
      <text x={80} y={140 + 40 + titleSize + 30 + subtitleSize} fontFamily={CARD_FONT} fontSize={subtitleSize} fill="#333333">
        {clip(card.subtitle, inner, subtitleSize)}
      </text>
      {badges.map((b) => (
        <g key={b.label}>
          <rect x={b.x} y={430} width={b.w} height={48} rx={24} fill="#f1e3c8" />
          <text x={b.x + b.w / 2} y={464} textAnchor="middle" fontFamily={CARD_FONT} fontSize={30} fill="#5a3b00">
            {b.label}
          </text>
        </g>
      ))}
      <text x={80} y={CARD_HEIGHT - 30} fontFamily={CARD_FONT} fontSize={28} fill="#555555">
        {clip(`${card.siteName} · ${card.footer}`, inner, 28)}
      </text>
    </svg>
  );
  return renderToStaticMarkup(svg);
};
