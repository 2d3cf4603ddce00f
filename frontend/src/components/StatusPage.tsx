import { Button } from 'antd';
import type { ReactNode } from 'react';
import { followLink } from '@/lib/url/location';

interface Props {
  icon: ReactNode;
  title: string;
  detail: ReactNode;
  /** A way on: a link within the console. */
  action?: { label: string; href: string };
}

/** A page that cannot be shown (no access, no such page), saying why and offering a way on. */
export function StatusPage({ icon, title, detail, action }: Props) {
  return (
    <div className="page">
      <div className="error-state status-page" role="alert">
        <span className="status-page__icon" aria-hidden>
          {icon}
        </span>
        <h2 className="error-state__title">{title}</h2>
        <p className="error-state__detail">{detail}</p>
        {action && (
          <Button type="primary" href={action.href} onClick={(event) => followLink(event, action.href)}>
            {action.label}
          </Button>
        )}
      </div>
    </div>
  );
}
