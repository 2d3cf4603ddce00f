import { createEvent, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { AffectedObjects } from './AffectedObjects';

/** A table name as quote_ident gives it, with a tab and a newline inside the quotes. */
const TAB_AND_NEWLINE = 'app."tab\there\nnext"';
const CONTROL = 'contains a control character';

function showObjects(language: 'en' | 'zh-CN' = 'en') {
  return renderWithApp(
    <AffectedObjects
      objects={[
        { name: TAB_AND_NEWLINE, detail: 'no primary key' },
        { name: 'app.orders', detail: null },
      ]}
      total={2}
    />,
    { language },
  );
}

function item(index: number): HTMLElement {
  const found = within(screen.getByRole('list')).getAllByRole('listitem').at(index);
  if (!found) throw new Error(`no object at ${index}`);
  return found;
}

function nameOf(index: number): HTMLElement {
  const code = item(index).querySelector('code');
  if (!code) throw new Error(`no name at ${index}`);
  return code;
}

describe('the affected objects of a finding', () => {
  it('shows a name with control characters whole, each control drawn as a visible symbol', () => {
    showObjects();

    expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(2);
    expect(nameOf(0)).toHaveTextContent('app."tab␉here␊next"', { normalizeWhitespace: false });
    expect(nameOf(0)).toHaveAttribute('title', CONTROL);
    expect(within(item(0)).getAllByLabelText(CONTROL)).toHaveLength(2);
    expect(item(0)).toHaveTextContent('no primary key');
  });

  it('leaves ordinary names as they are', () => {
    showObjects();

    expect(nameOf(1)).toHaveTextContent('app.orders');
    expect(nameOf(1)).not.toHaveAttribute('title');
  });

  it('copies the raw name, control characters and all, as SQL needs it', () => {
    showObjects();

    const copied = new Map<string, string>();
    const copy = createEvent.copy(nameOf(0));
    Object.defineProperty(copy, 'clipboardData', {
      value: { setData: (type: string, text: string) => copied.set(type, text) },
    });
    fireEvent(nameOf(0), copy);
    expect(copied.get('text/plain')).toBe(TAB_AND_NEWLINE);
    expect(copy.defaultPrevented).toBe(true);
  });

  it('explains the symbols in Chinese too', async () => {
    showObjects('zh-CN');

    expect(await screen.findAllByLabelText('包含控制字符')).toHaveLength(2);
  });
});
