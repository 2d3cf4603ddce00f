import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '@/components/ErrorState';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { PasswordInput } from '@/components/PasswordInput';
import { ApiError, isApiError } from '@/lib/api/api-error';
import { useSession } from '@/lib/auth/session';
import { requiredIn } from '@/lib/forms/input-rules';
import { applyViolations, fieldsNamed } from '@/lib/forms/violations';
import { useCountdown } from '@/lib/hooks/use-countdown';
import { useDocumentTitle } from '@/lib/hooks/use-document-title';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { Messages } from '@/lib/i18n/messages/en';
import { navigate } from '@/lib/url/location';
import { safeNext } from '@/lib/url/paths';
import { useSignIn } from '../api/use-sign-in';
import { signInReason } from '../utils/sign-in-reason';
import './sign-in.css';

interface Credentials {
  username: string;
  password: string;
}

const VIOLATIONS = { fieldFor: fieldsNamed(['username', 'password']) };
const required = requiredIn('SignInInput');

/** "Try again in 42 seconds", counting down, then "You can try again now". */
function ThrottledMessage({ until }: { until: number }) {
  const m = useMessages();
  const seconds = useCountdown(until);
  return <>{seconds > 0 ? m.auth.tooMany(seconds) : m.auth.tryAgainNow}</>;
}

/**
 * The sign-in page: its own screen without the console's frame. After signing in it goes back to
 * `next` (where a 401 interrupted the user), if that is a page of this console.
 */
export default function SignInPage() {
  const m = useMessages();
  useDocumentTitle(m.auth.title);
  // Where to go once signed in, as the address said on arrival.
  const [next] = useState(() => safeNext(new URLSearchParams(window.location.search).get('next')));
  const [reason] = useState(() => signInReason(window.history.state));
  const [form] = Form.useForm<Credentials>();
  const passwordRef = useRef<InputRef>(null);
  const signIn = useSignIn();
  const [throttledUntil, setThrottledUntil] = useState<number>();

  // Someone still signed in (a valid session cookie) who opens this page goes straight on.
  const session = useSession();
  useEffect(() => {
    if (session.data) navigate(next, { replace: true });
  }, [session.data, next]);

  const submit = (values: Credentials) => {
    signIn.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (error) => {
        if (!isApiError(error)) return;
        if (error.status === 429) {
          setThrottledUntil(Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
        } else if (error.status === 401) {
          form.setFieldValue('password', '');
          passwordRef.current?.focus();
        } else if (error.status === 400) {
          applyViolations(form, error.violations, VIOLATIONS);
        }
      },
    });
  };

  const error = signIn.isError ? signIn.error : undefined;
  const errorText =
    error === undefined ? undefined : isApiError(error) && error.status === 429 && throttledUntil !== undefined ? (
      <ThrottledMessage key={throttledUntil} until={throttledUntil} />
    ) : (
      describeSignInError(error, m)
    );

  return (
    <div className="sign-in">
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
      <div className="sign-in__product">
        <img src="/favicon.svg" alt="" width={36} height={36} />
        <span>{m.app.product}</span>
      </div>
      <main className="sign-in__card">
        <h1 className="sign-in__title">{m.auth.title}</h1>
        <p className="sign-in__subtitle">{m.auth.subtitle}</p>
        {reason && !signIn.isError && !signIn.isPending && (
          <Alert
            className="sign-in__notice"
            type={reason === 'sessionEnded' ? 'warning' : 'success'}
            showIcon
            title={reason === 'sessionEnded' ? m.auth.sessionEnded : m.auth.signedOut}
          />
        )}
        <Form<Credentials>
          form={form}
          layout="vertical"
          requiredMark={false}
          size="large"
          onFinish={submit}
          className="sign-in__form"
          aria-label={m.auth.title}
        >
          <Form.Item
            name="username"
            label={m.auth.username}
            rules={[{ required: required('username'), whitespace: true, message: m.auth.usernameRequired }]}
          >
            <Input
              prefix={<UserOutlined aria-hidden />}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={m.auth.password}
            rules={[{ required: required('password'), message: m.auth.passwordRequired }]}
          >
            <PasswordInput ref={passwordRef} prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          {errorText !== undefined && (
            <Alert className="sign-in__error" type="error" showIcon role="alert" title={errorText} />
          )}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {m.auth.signIn}
          </Button>
        </Form>
      </main>
    </div>
  );
}

function describeSignInError(error: unknown, m: Messages): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return m.auth.wrongCredentials;
    if (error.status === 429) return m.auth.tooManyShortly;
  }
  return describeError(error, m.common);
}
