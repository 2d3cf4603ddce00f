import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import type { ReadinessCheckDescription, ReadinessCheckId } from '@/lib/api/types';
import { readinessCheckKeys } from './query-keys';

/** The catalogue is part of the server's build: it changes with a deploy, not while the page is open. */
export function useReadinessChecks({ enabled = true }: { enabled?: boolean } = {}) {
  const query = useQuery({
    queryKey: readinessCheckKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/readiness/checks', { signal })),
    staleTime: Infinity,
    enabled,
  });
  const byId = useMemo(
    () => new Map<ReadinessCheckId, ReadinessCheckDescription>((query.data ?? []).map((check) => [check.id, check])),
    [query.data],
  );
  return { ...query, byId };
}
