import type { ThemeConfig } from 'antd';

/**
 * Text on its background must reach 4.5:1 (WCAG 2 AA) for everyone to read it; Ant Design's
 * defaults do not: white on its primary blue is 4.1:1, secondary text 3.4:1, placeholders 1.8:1,
 * the texts of coloured tags down to 2.1:1. These are its darker shades, otherwise its look.
 * theme.test.ts measures every pair named here.
 */
const PRIMARY = '#0958d9'; // Ant Design's blue-7: white on it 6.2:1, and 6.2:1 as link text on white
const PRIMARY_HOVER = '#1f6ae0'; // lighter, as Ant Design's hover is, and still 5.0:1
const PRIMARY_ACTIVE = '#003eb3'; // blue-8

/**
 * A tag's text is its colour's shade 7 on shade 1; where that is not 4.5:1, a darker shade of the
 * same colour (Ant Design's palettes, @ant-design/colors).
 */
export const TAG_TEXT_SHADES = {
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#874d00',
  yellow7: '#876800',
  lime7: '#3f6600',
  green7: '#237804',
  cyan7: '#006d75',
} as const;

/** Status tags (success, warning, error, processing) write in the status colour on its light background. */
export const TAG_STATUS_TEXT = {
  colorSuccess: '#237804', // green-8
  colorWarning: '#874d00', // gold-9
  colorError: '#cf1322', // red-7, the colour of every error (see below)
  colorInfo: PRIMARY,
} as const;

/** Ant Design's look, as in the OMS console, readable at WCAG 2 AA, with a slightly denser table. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorPrimaryHover: PRIMARY_HOVER,
    colorPrimaryActive: PRIMARY_ACTIVE,
    colorPrimaryTextHover: PRIMARY_HOVER,
    // Links and information take their colour from colorInfo.
    colorInfo: PRIMARY,
    colorLinkHover: PRIMARY_HOVER,
    colorLinkActive: PRIMARY_ACTIVE,
    // Danger buttons, form errors: red-7, 5.6:1 as text on white and under white text (hover 4.5:1).
    colorError: '#cf1322',
    // Descriptions and secondary text (Typography type="secondary"): 5.7:1 on white.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    // Lighter than typed text, so a placeholder does not pass for a value, yet 5.0:1.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.57)',
  },
  components: {
    Table: { cellPaddingBlock: 10 },
    Tag: { ...TAG_TEXT_SHADES, ...TAG_STATUS_TEXT },
  },
};
