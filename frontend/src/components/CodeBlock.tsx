import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { copyText } from '@/lib/dom/copy-text';
import { useMessages } from '@/lib/i18n/i18n-context';

interface Props {
  code: string;
  /** What the code is ("SQL that fixes it"), shown above it. */
  label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** A block of code to run elsewhere, shown as is and copied exactly with one click. */
export function CodeBlock({ code, label }: Props) {
  const m = useMessages();
  const labelId = useId();
  const codeRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => setState((await copyText(code, codeRef.current)) ? 'copied' : 'failed');

  return (
    <div className="code-block">
      <div className="code-block__bar">
        <span className="code-block__label" id={labelId}>
          {label}
        </span>
        <Button
          size="small"
          className="code-block__copy"
          icon={state === 'copied' ? <CheckOutlined aria-hidden /> : <CopyOutlined aria-hidden />}
          onClick={() => void copy()}
        >
          {state === 'copied' ? m.common.copied : m.common.copy}
        </Button>
      </div>
      {/* Not wrapped, so that a statement reads as it will run; focusable, so that the keyboard can scroll it. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must take focus to scroll by keyboard */}
      <pre className="code-block__code" tabIndex={0} aria-labelledby={labelId}>
        <code ref={codeRef}>{code}</code>
      </pre>
      <span role="status" className="visually-hidden">
        {state === 'copied' ? m.common.copiedToClipboard : ''}
      </span>
      {state === 'failed' && (
        <Typography.Text type="danger" className="code-block__failed">
          {m.common.copyFailed}
        </Typography.Text>
      )}
    </div>
  );
}
