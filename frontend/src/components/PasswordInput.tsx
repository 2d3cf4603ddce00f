import { Button, Input, type InputProps } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useMessages } from '@/lib/i18n/i18n-context';

/**
 * A masked password field whose reveal control is a real button: reachable with Tab, named for
 * screen readers and announcing its state. The value is never placed anywhere but the input.
 */
export function PasswordInput(props: Omit<InputProps, 'type' | 'suffix'>) {
  const m = useMessages();
  const [revealed, setRevealed] = useState(false);
  return (
    <Input
      {...props}
      type={revealed ? 'text' : 'password'}
      autoComplete="new-password"
      spellCheck={false}
      suffix={
        <Button
          type="text"
          size="small"
          className="password-reveal"
          aria-label={revealed ? m.form.hidePassword : m.form.revealPassword}
          aria-pressed={revealed}
          icon={revealed ? <EyeOutlined /> : <EyeInvisibleOutlined />}
          onClick={() => setRevealed((value) => !value)}
          disabled={props.disabled}
        />
      }
    />
  );
}
