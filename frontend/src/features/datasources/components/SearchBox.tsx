import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useDebouncedCallback } from '@/lib/hooks/use-debounced-callback';
import { useMessages } from '@/lib/i18n/i18n-context';
import { MAX_QUERY_LENGTH } from '../utils/list-params';

/** How long typing must pause before the list is asked again: fast enough to feel live, few requests. */
export const SEARCH_DEBOUNCE_MS = 250;

interface Props {
  value: string;
  onSearch: (q: string) => void;
}

/**
 * The fuzzy search box. What is typed shows at once (the input owns its text); the list follows
 * after a pause, so typing never waits for the network. Enter searches immediately.
 */
export function SearchBox({ value, onSearch }: Props) {
  const m = useMessages();
  const [text, setText] = useState(value);
  const search = useDebouncedCallback(onSearch, SEARCH_DEBOUNCE_MS);

  // Follow the URL when it changes by other means (Back, "Clear filters"), but not when it merely
  // caught up with the text: the URL keeps the search trimmed, and a space just typed must stay.
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    if (value !== text.trim()) setText(value);
  }
  useEffect(() => search.cancel, [search]);

  return (
    <Input
      className="search-box"
      type="search"
      role="searchbox"
      allowClear
      value={text}
      maxLength={MAX_QUERY_LENGTH}
      placeholder={m.list.searchPlaceholder}
      aria-label={m.list.searchLabel}
      prefix={<SearchOutlined aria-hidden />}
      onChange={(event) => {
        setText(event.target.value);
        search.call(event.target.value);
      }}
      onPressEnter={() => search.flush()}
    />
  );
}
