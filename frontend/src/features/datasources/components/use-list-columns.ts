import { useCallback, useState } from 'react';
import { storeColumns, storedColumns, type OptionalColumn } from '../utils/list-columns';

/** The optional columns the list shows, as this browser's user last chose them. */
export function useListColumns() {
  const [shown, setShown] = useState<readonly OptionalColumn[]>(storedColumns);
  const choose = useCallback((columns: readonly OptionalColumn[]) => {
    storeColumns(columns);
    setShown(columns);
  }, []);
  return { shown, choose };
}
