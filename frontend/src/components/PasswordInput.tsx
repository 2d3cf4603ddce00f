import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Input, type InputProps, type InputRef } from 'antd';
import { useState, type Ref } from 'react';
import { useMessages } from '@/lib/i18n/i18n-context';

/**
 * A masked password field whose reveal control is a real button: reachable with Tab, named for
 * screen readers and announcing its state. The value is never placed anywhere but the input.
 * A new password by default; `autoComplete="current-password"` lets password managers fill it in.
 */
export function PasswordInput({
  autoComplete = 'new-password',
  ...props
}: Omit<InputProps, 'type' | 'suffix'> & { ref?: Ref<InputRef> }) {
  const m = useMessages();
  const [revealed, setRevealed] = useState(false);
  return (
    <Input
      {...props}
      type={revealed ? 'text' : 'password'}
      autoComplete={autoComplete}
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
