import { Button, Select } from 'antd';
import { DATABASE_ATTRIBUTES, DATA_SOURCE_TYPES } from '@/lib/api/enum-values';
import type { DataSourceType, DatabaseAttribute } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { hasFilters, type ListParams } from '../utils/list-params';
import { SearchBox } from './SearchBox';
import { RefreshButton } from '@/components/RefreshButton';

interface Props {
  params: ListParams;
  regions: readonly string[];
  multiRegion: boolean;
  refreshing: boolean;
  onChange: (change: Partial<Omit<ListParams, 'page'>>) => void;
  onClear: () => void;
  onRefresh: () => void;
}

/** Search and filters above the list; every choice goes into the URL. */
export function DataSourcesToolbar({ params, regions, multiRegion, refreshing, onChange, onClear, onRefresh }: Props) {
  const m = useMessages();
  return (
    <div className="toolbar" role="search">
      <SearchBox value={params.q} onSearch={(q) => onChange({ q })} />
      <Select<DataSourceType>
        className="toolbar__filter"
        aria-label={m.list.typeFilter}
        placeholder={m.list.allTypes}
        allowClear
        value={params.type}
        onChange={(type) => onChange({ type })}
        options={DATA_SOURCE_TYPES.map((value) => ({ value, label: m.type[value] }))}
      />
      <Select<DatabaseAttribute>
        className="toolbar__filter toolbar__filter--wide"
        aria-label={m.list.attributeFilter}
        placeholder={m.list.allAttributes}
        allowClear
        value={params.attribute}
        onChange={(attribute) => onChange({ attribute })}
        options={DATABASE_ATTRIBUTES.map((value) => ({ value, label: m.attribute[value] }))}
        popupMatchSelectWidth={false}
      />
      {multiRegion && (
        <Select<string>
          className="toolbar__filter"
          aria-label={m.list.regionFilter}
          placeholder={m.list.allRegions}
          allowClear
          value={params.region}
          onChange={(region) => onChange({ region })}
          options={regions.map((value) => ({ value, label: value }))}
          popupMatchSelectWidth={false}
        />
      )}
      {hasFilters(params) && (
        <Button type="link" onClick={onClear}>
          {m.list.clearFilters}
        </Button>
      )}
      <RefreshButton label={m.list.refresh} refreshing={refreshing} onRefresh={onRefresh} />
    </div>
  );
}
