import { Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  subtitle: string;
  /** The page's main action, on the right (e.g. "Create"). */
  children?: ReactNode;
}

/** A page's title and one-line description, with its main action beside them. */
export function PageHeader({ title, subtitle, children }: Props) {
  return (
    <div className="page-header">
      <div>
        <Typography.Title level={2} className="page-header__title">
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{subtitle}</Typography.Text>
      </div>
      {children}
    </div>
  );
}
