import type { DataSource } from '@/lib/api/types';

interface Props {
  dataSource: DataSource;
  href: string;
  onOpen: (id: string) => void;
}

/**
 * The identifier as a real link to its details (`?detail=<id>`): a click opens the drawer in
 * place, a middle or modified click opens it in a new tab, and the address can be shared.
 */
export function IdentifierLink({ dataSource, href, onOpen }: Props) {
  return (
    <a
      className="identifier-link"
      href={href}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onOpen(dataSource.id);
      }}
    >
      {dataSource.identifier}
    </a>
  );
}
