import { useEffect } from 'react';

/** "Audit Log · DSM": the page's name first, so tabs and history tell pages apart. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · DSM`;
  }, [title]);
}
