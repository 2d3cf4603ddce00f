import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tag } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { describeError } from '@/components/ErrorState';
import { useToast } from '@/components/toast';
import type { Role, Session } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useSignOut } from '../api/use-sign-out';

const ChangePasswordDialog = lazy(() => import('./ChangePasswordDialog'));

export const ROLE_COLORS: Record<Role, string> = { ADMIN: 'gold', OPERATOR: 'blue', VIEWER: 'default' };

/** Who is signed in and with which role, in the header; their menu changes the password or signs out. */
export function AccountMenu({ session }: { session: Session }) {
  const m = useMessages();
  const toast = useToast();
  const signOut = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  const role = m.roles[session.role];

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onError: (error) => void toast.error(`${m.auth.signOutFailed}: ${describeError(error, m.common)}`),
    });

  return (
    <>
      <Dropdown
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            {
              key: 'who',
              type: 'group',
              label: (
                <span className="account-menu__who">
                  {m.auth.signedInAs} <strong>{session.username}</strong> · {role}
                </span>
              ),
            },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: m.auth.changePassword,
              onClick: () => setChangingPassword(true),
            },
            {
              key: 'sign-out',
              icon: <LogoutOutlined />,
              label: m.auth.signOut,
              disabled: signOut.isPending,
              onClick: onSignOut,
            },
          ],
        }}
      >
        <Button type="text" className="account-button" aria-label={m.auth.accountMenu(session.username, role)}>
          <UserOutlined aria-hidden />
          {/* Name and role in one line of text, a space apart: the visible text then reads as the
              accessible name has it (WCAG 2.5.3), where flex items would run together. */}
          <span className="account-button__who">
            <span className="account-button__name">{session.username}</span>{' '}
            <Tag color={ROLE_COLORS[session.role]} className="account-button__role">
              {role}
            </Tag>
          </span>
          <DownOutlined aria-hidden className="account-button__caret" />
        </Button>
      </Dropdown>
      <Suspense fallback={null}>
        {changingPassword && (
          <ChangePasswordDialog username={session.username} onClose={() => setChangingPassword(false)} />
        )}
      </Suspense>
    </>
  );
}
