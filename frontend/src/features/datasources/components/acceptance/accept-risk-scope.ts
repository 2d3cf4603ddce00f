import { createContext, useContext } from 'react';
import type { DataSource } from '@/lib/api/types';

/**
 * The saved data source a report is about, where findings may be accepted as risks. A report of an
 * unsaved form has none, and offers no "Accept risk…". A context rather than a prop, because the
 * report reaches its findings through several components that have no use for it themselves.
 */
export interface AcceptRiskScopeValue {
  dataSource: Pick<DataSource, 'id' | 'provisionedBy'>;
  /** Called after an accept or a revoke, which count from the next check on. */
  onChanged?: () => void;
}

export const AcceptRiskScopeContext = createContext<AcceptRiskScopeValue | null>(null);

export function useAcceptRiskScope(): AcceptRiskScopeValue | null {
  return useContext(AcceptRiskScopeContext);
}
