import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-error';
import { api } from '@/lib/api/client';
import { regionKeys } from './query-keys';

const NO_REGIONS: readonly string[] = [];

/** Regions are configuration: they change with a redeploy, not while the page is open. */
export function useRegions() {
  const query = useQuery({
    queryKey: regionKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/regions', { signal })),
    staleTime: Infinity,
  });
  const regions = query.data?.regions ?? NO_REGIONS;
  return {
    ...query,
    regions,
    /** The console shows region fields and columns only when there is a choice to make. */
    multiRegion: regions.length > 1,
  };
}
