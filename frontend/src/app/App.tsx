import { AppLayout } from '@/components/AppLayout';
import { DataSourcesPage } from '@/features/datasources/components/DataSourcesPage';
import { AppProviders } from './AppProviders';

export function App() {
  return (
    <AppProviders>
      <AppLayout>
        <DataSourcesPage />
      </AppLayout>
    </AppProviders>
  );
}
