/** The console's antd theme: a sober government blue and fonts that carry Chinese on every OS. */
import type { ThemeConfig } from 'antd';

export const fontFamily = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

/** Someone who asked their system for less motion gets no animations (WCAG 2.3.3). */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme: ThemeConfig = {
  token: { colorPrimary: '#1d4f91', fontFamily, borderRadius: 4, motion: !reducedMotion },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a4d', headerPadding: '0 24px' },
    // antd derives a grey from this dark blue for selected rows; a light tint of it reads better.
    Table: { rowSelectedBg: '#e8eef7', rowSelectedHoverBg: '#dbe4f1' },
    Menu: { darkItemBg: '#0f2a4d', darkSubMenuItemBg: '#0b2140', darkItemSelectedBg: '#1d4f91' },
  },
};
