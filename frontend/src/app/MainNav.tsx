import { AuditOutlined, DatabaseOutlined, DownOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid, Menu } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '@/lib/api/types';
import { roleCan } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';
import { followLink } from '@/lib/url/location';
import { PATHS } from '@/lib/url/paths';

interface Entry {
  key: string;
  icon: ReactNode;
  label: string;
}

/**
 * The pages the signed-in role may open (the audit log and users only for administrators): a menu
 * bar on wide screens; on phones, the current page's name opening the same menu.
 */
export function MainNav({ pathname, role }: { pathname: string; role: Role }) {
  const m = useMessages();
  const phone = Grid.useBreakpoint().md === false;
  const entries: Entry[] = [
    { key: PATHS.dataSources, icon: <DatabaseOutlined />, label: m.nav.dataSources },
    ...(roleCan(role, 'readAudit') ? [{ key: PATHS.audit, icon: <AuditOutlined />, label: m.nav.audit }] : []),
    ...(roleCan(role, 'manageUsers') ? [{ key: PATHS.users, icon: <TeamOutlined />, label: m.nav.users }] : []),
  ];
  const items = entries.map(({ key, icon, label }) => ({
    key,
    icon,
    label: (
      <a href={key} onClick={(event) => followLink(event, key)}>
        {label}
      </a>
    ),
  }));
  const current = entries.find((entry) => entry.key === pathname);

  return (
    <nav aria-label={m.nav.label} className="main-nav">
      {phone ? (
        <Dropdown trigger={['click']} menu={{ items, selectedKeys: [pathname] }}>
          <Button type="text" className="main-nav__current">
            <span className="main-nav__current-label">{current?.label ?? m.nav.label}</span>
            <DownOutlined aria-hidden className="account-button__caret" />
          </Button>
        </Dropdown>
      ) : (
        <Menu theme="dark" mode="horizontal" selectedKeys={[pathname]} items={items} className="main-nav__menu" />
      )}
    </nav>
  );
}
