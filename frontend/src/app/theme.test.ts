import { theme as antdTheme } from 'antd';
import { describe, expect, it } from 'vitest';
import { TAG_STATUS_TEXT, TAG_TEXT_SHADES, theme } from './theme';

type Rgb = [number, number, number];

function parse(color: string): { rgb: Rgb; alpha: number } {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short)
    return parse(
      `#${short
        .slice(1)
        .map((digit) => digit.repeat(2))
        .join('')}`,
    );
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return { rgb: [hex[1], hex[2], hex[3]].map((part = '') => Number.parseInt(part, 16)) as Rgb, alpha: 1 };
  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(color);
  if (!rgba) throw new Error(`not a colour this test reads: ${color}`);
  return {
    rgb: [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])],
    alpha: rgba[4] === undefined ? 1 : Number(rgba[4]),
  };
}

function luminance(rgb: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

/** WCAG 2 contrast of a (possibly translucent) text colour over an opaque background. */
function contrast(text: string | undefined, background: string | undefined): number {
  if (text === undefined || background === undefined) throw new Error('a colour is missing from the theme');
  const back = parse(background).rgb;
  const { rgb, alpha } = parse(text);
  const blend = (i: 0 | 1 | 2) => rgb[i] * alpha + back[i] * (1 - alpha);
  const [a, b] = [luminance([blend(0), blend(1), blend(2)]), luminance(back)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

const token = antdTheme.getDesignToken(theme) as unknown as Record<string, string | undefined>;
const TABLE_HEADER = '#fafafa';
const AA = 4.5;

describe("the console's theme reaches WCAG 2 AA contrast (4.5:1)", () => {
  it.each([
    ['white on a primary button', token.colorTextLightSolid, token.colorPrimary],
    ['white on a hovered primary button', token.colorTextLightSolid, token.colorPrimaryHover],
    ['white on a pressed primary button', token.colorTextLightSolid, token.colorPrimaryActive],
    ['a danger button', token.colorError, token.colorBgContainer],
    ['a hovered danger button', token.colorErrorHover, token.colorBgContainer],
    ['white on a primary danger button', token.colorTextLightSolid, token.colorError],
    ['a link', token.colorLink, token.colorBgContainer],
    ['a hovered link', token.colorLinkHover, token.colorBgContainer],
    ['secondary text', token.colorTextDescription, token.colorBgContainer],
    ['secondary text in a table header', token.colorTextDescription, TABLE_HEADER],
    ['tertiary text', token.colorTextTertiary, token.colorBgContainer],
    ['a placeholder', token.colorTextPlaceholder, token.colorBgContainer],
    ['a placeholder on a grey page', token.colorTextPlaceholder, token.colorBgLayout],
  ])('%s', (_, text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(AA);
  });

  const presets = [
    'red',
    'volcano',
    'orange',
    'gold',
    'yellow',
    'lime',
    'green',
    'cyan',
    'blue',
    'geekblue',
    'purple',
    'magenta',
  ];
  it.each(presets)('the text of a %s tag', (color) => {
    const shades: Record<string, string | undefined> = TAG_TEXT_SHADES;
    const text = shades[`${color}7`] ?? token[`${color}7`];
    expect(contrast(text, token[`${color}1`])).toBeGreaterThanOrEqual(AA);
  });

  it.each([
    ['success', TAG_STATUS_TEXT.colorSuccess, token.colorSuccessBg],
    ['warning', TAG_STATUS_TEXT.colorWarning, token.colorWarningBg],
    ['error', TAG_STATUS_TEXT.colorError, token.colorErrorBg],
    ['processing', TAG_STATUS_TEXT.colorInfo, token.colorInfoBg],
  ])('the text of a %s tag', (_, text, background) => {
    expect(contrast(text, background)).toBeGreaterThanOrEqual(AA);
  });
});
