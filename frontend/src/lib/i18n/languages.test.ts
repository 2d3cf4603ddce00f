import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './languages';

describe('the language a first visit starts in', () => {
  it.each([
    [['zh'], 'zh-CN'],
    [['zh-CN'], 'zh-CN'],
    [['zh-Hans-CN', 'en'], 'zh-CN'],
    [['ZH-sg'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['ja', 'zh-TW', 'en'], 'zh-CN'],
    [['fr', 'en-US', 'zh'], 'en'],
  ])('follows the first browser language the console speaks: %j gives %s', (browser, expected) => {
    expect(preferredLanguage(browser)).toBe(expected);
  });

  it('is English when the browser asks for no language the console speaks', () => {
    expect(preferredLanguage(['de', 'ko-KR'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });

  it('is the remembered choice, whatever the browser asks for', () => {
    window.localStorage.setItem('dsm.language', 'zh-CN');
    expect(preferredLanguage(['en-US'])).toBe('zh-CN');
  });

  it('ignores a remembered value that is no language of the console', () => {
    window.localStorage.setItem('dsm.language', 'klingon');
    expect(preferredLanguage(['zh-CN'])).toBe('zh-CN');
  });
});
