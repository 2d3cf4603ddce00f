import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { provisioningKeys } from './query-keys';

/** A file is read again within seconds of a change; every 30 s is soon enough to say it broke. */
const PROVISIONING_REFRESH_MS = 30_000;

/** The last apply of each provisioning file, kept fresh while `enabled` (for those who may act on it). */
export function useProvisioning({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: provisioningKeys.status,
    queryFn: ({ signal }) => unwrap(api.GET('/api/provisioning', { signal })),
    enabled,
    refetchInterval: PROVISIONING_REFRESH_MS,
  });
}
