import { Button } from 'antd';
import { FilterSelect, MultiFilterSelect } from '@/components/FilterSelect';
import { RefreshButton } from '@/components/RefreshButton';
import { DATABASE_ATTRIBUTES, DATA_SOURCE_TYPES, SOURCE_READINESS_STATES } from '@/lib/api/enum-values';
import type { DataSourceType, DatabaseAttribute, SourceReadinessState } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { hasFilters, type ListParams } from '../utils/list-params';
import { ColumnChooser, type ColumnChoice } from './ColumnChooser';
import { ReadinessStateTag } from './readiness/ReadinessBadge';
import { SearchBox } from './SearchBox';

interface Props {
  params: ListParams;
  regions: readonly string[];
  multiRegion: boolean;
  refreshing: boolean;
  onChange: (change: Partial<Omit<ListParams, 'page'>>) => void;
  onClear: () => void;
  onRefresh: () => void;
  /** Which columns the table shows; absent where the list is cards. */
  columns?: ColumnChoice;
}

/** Search and filters above the list; every choice goes into the URL. Then the table's columns. */
export function DataSourcesToolbar(props: Props) {
  const { params, regions, multiRegion, refreshing, onChange, onClear, onRefresh, columns } = props;
  const m = useMessages();
  return (
    <div className="toolbar" role="search">
      <SearchBox value={params.q} onSearch={(q) => onChange({ q })} />
      <FilterSelect<DataSourceType>
        label={m.list.typeFilter}
        placeholder={m.list.allTypes}
        value={params.type}
        onChange={(type) => onChange({ type })}
        options={DATA_SOURCE_TYPES.map((value) => ({ value, label: m.type[value] }))}
      />
      <FilterSelect<DatabaseAttribute>
        label={m.list.attributeFilter}
        placeholder={m.list.allAttributes}
        value={params.attribute}
        onChange={(attribute) => onChange({ attribute })}
        options={DATABASE_ATTRIBUTES.map((value) => ({ value, label: m.attribute[value] }))}
        wide
        widePopup
      />
      <MultiFilterSelect<SourceReadinessState>
        label={m.list.readinessFilter}
        placeholder={m.list.allReadiness}
        value={params.readiness}
        onChange={(readiness) => onChange({ readiness })}
        options={SOURCE_READINESS_STATES.map((value) => ({ value, label: m.watch.states[value] }))}
        renderOption={(state) => <ReadinessStateTag state={state} />}
        wide
        widePopup
      />
      {multiRegion && (
        <FilterSelect<string>
          label={m.list.regionFilter}
          placeholder={m.list.allRegions}
          value={params.region}
          onChange={(region) => onChange({ region })}
          options={regions.map((value) => ({ value, label: value }))}
          widePopup
        />
      )}
      {hasFilters(params) && (
        <Button type="link" onClick={onClear}>
          {m.list.clearFilters}
        </Button>
      )}
      <RefreshButton label={m.list.refresh} refreshing={refreshing} onRefresh={onRefresh} />
      {columns && <ColumnChooser {...columns} />}
    </div>
  );
}
