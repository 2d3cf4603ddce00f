import { Button, Empty } from 'antd';
import { useMessages } from '@/lib/i18n/i18n-context';

/** The table's empty text when a search or filter matches nothing, with the way back. */
export function NoMatchesState({ onClear }: { onClear: () => void }) {
  const m = useMessages();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <strong>{m.list.noMatches.title}</strong>
          <br />
          {m.list.noMatches.body}
        </>
      }
    >
      <Button onClick={onClear}>{m.list.clearFilters}</Button>
    </Empty>
  );
}
