import { LockOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Suspense, lazy } from 'react';
import { AppLayout } from '@/components/AppLayout';
import { FullPageSpinner } from '@/components/FullPageSpinner';
import { StatusPage } from '@/components/StatusPage';
import { TableSkeleton } from '@/components/TableSkeleton';
import { AccountMenu } from '@/features/auth/components/AccountMenu';
import { SessionGate } from '@/features/auth/components/SessionGate';
import { DataSourcesPage } from '@/features/datasources/components/DataSourcesPage';
import type { Role } from '@/lib/api/types';
import { roleCan, type Capability } from '@/lib/auth/authorization';
import { useDocumentTitle } from '@/lib/hooks/use-document-title';
import { useMessages } from '@/lib/i18n/i18n-context';
import { usePathname } from '@/lib/url/location';
import { PATHS } from '@/lib/url/paths';
import { MainNav } from './MainNav';

// Pages most visits never open are chunks of their own: the first download stays small.
const SignInPage = lazy(() => import('@/features/auth/components/SignInPage'));
const AuditPage = lazy(() => import('@/features/audit/components/AuditPage'));
const UsersPage = lazy(() => import('@/features/users/components/UsersPage'));

/** "/audit/" is "/audit". */
function normalize(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

/** The console's pages by path: sign-in on its own, every other page for a signed-in user, in the frame. */
export function AppRoutes() {
  const m = useMessages();
  const pathname = normalize(usePathname());
  if (pathname === PATHS.signIn) {
    return (
      <Suspense fallback={<FullPageSpinner label={m.auth.title} />}>
        <SignInPage />
      </Suspense>
    );
  }
  return (
    <SessionGate>
      {(session) => (
        <AppLayout
          nav={<MainNav pathname={pathname} role={session.role} />}
          account={<AccountMenu session={session} />}
        >
          <Suspense fallback={<TableSkeleton label={m.common.loading} />}>
            <Page pathname={pathname} role={session.role} />
          </Suspense>
        </AppLayout>
      )}
    </SessionGate>
  );
}

function Page({ pathname, role }: { pathname: string; role: Role }) {
  const m = useMessages();
  const title =
    pathname === PATHS.dataSources
      ? m.list.title
      : pathname === PATHS.audit
        ? m.audit.title
        : pathname === PATHS.users
          ? m.users.title
          : m.access.notFoundTitle;
  useDocumentTitle(title);

  switch (pathname) {
    case PATHS.dataSources:
      return <DataSourcesPage />;
    case PATHS.audit:
      return roleCan(role, 'readAudit') ? <AuditPage /> : <Forbidden role={role} capability="readAudit" />;
    case PATHS.users:
      return roleCan(role, 'manageUsers') ? <UsersPage /> : <Forbidden role={role} capability="manageUsers" />;
    default:
      return (
        <StatusPage
          icon={<QuestionCircleOutlined />}
          title={m.access.notFoundTitle}
          detail={m.access.notFoundBody}
          action={{ label: m.access.backToDataSources, href: PATHS.dataSources }}
        />
      );
  }
}

/** A page the role may not open, opened anyway (a bookmark, a shared link): say so, and offer a way on. */
function Forbidden({ role, capability }: { role: Role; capability: Capability }) {
  const m = useMessages();
  return (
    <StatusPage
      icon={<LockOutlined />}
      title={m.access.forbiddenTitle}
      detail={m.access.denied[capability](m.roles[role])}
      action={{ label: m.access.backToDataSources, href: PATHS.dataSources }}
    />
  );
}
