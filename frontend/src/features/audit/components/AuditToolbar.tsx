import { AutoComplete, Button, DatePicker, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FilterSelect } from '@/components/FilterSelect';
import { RefreshButton } from '@/components/RefreshButton';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/api/enum-values';
import type { AuditAction, AuditOutcome } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useActorSuggestions } from '../api/use-actors';
import { hasAuditFilters, type AuditParams } from '../utils/audit-params';

type Range = [Dayjs | null, Dayjs | null];

interface Props {
  params: AuditParams;
  /** The identifier of the data source filtered by, when known. */
  dataSourceName: string | undefined;
  refreshing: boolean;
  onChange: (change: Partial<Omit<AuditParams, 'page'>>) => void;
  onClear: () => void;
  onRefresh: () => void;
}

/** The audit log's filters: actor, action, outcome, time range (and a data source, from its drawer). */
export function AuditToolbar({ params, dataSourceName, refreshing, onChange, onClear, onRefresh }: Props) {
  const m = useMessages();
  const actors = useActorSuggestions();
  // The actor is typed freely (failed sign-ins name users that do not exist); it applies on
  // Enter, on picking a suggestion, or on leaving the field, not on every keystroke.
  const [actor, setActor] = useState(params.actor);
  const [shownActor, setShownActor] = useState(params.actor);
  if (shownActor !== params.actor) {
    setShownActor(params.actor);
    setActor(params.actor);
  }
  const applyActor = (value: string) => {
    if (value.trim() !== params.actor) onChange({ actor: value.trim() });
  };

  const now = () => dayjs().second(0).millisecond(0);
  const range: Range = [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null];

  return (
    <div className="toolbar audit-toolbar" role="search">
      <AutoComplete
        className="audit-toolbar__actor"
        aria-label={m.audit.actorFilter}
        placeholder={m.audit.actorPlaceholder}
        value={actor}
        allowClear
        options={actors
          .filter((name) => name.toLowerCase().includes(actor.trim().toLowerCase()))
          .map((name) => ({ value: name }))}
        onChange={(value: string | undefined) => {
          setActor(value ?? '');
          if (!value) applyActor('');
        }}
        onSelect={(value: string | undefined) => applyActor(value ?? '')}
        onBlur={() => applyActor(actor)}
        onInputKeyDown={(event) => {
          if (event.key === 'Enter') applyActor(actor);
        }}
      />
      <FilterSelect<AuditAction>
        label={m.audit.actionFilter}
        placeholder={m.audit.allActions}
        value={params.action}
        onChange={(action) => onChange({ action })}
        options={AUDIT_ACTIONS.map((value) => ({ value, label: m.audit.actions[value] }))}
        wide
        widePopup
      />
      <FilterSelect<AuditOutcome>
        label={m.audit.outcomeFilter}
        placeholder={m.audit.allOutcomes}
        value={params.outcome}
        onChange={(outcome) => onChange({ outcome })}
        options={AUDIT_OUTCOMES.map((value) => ({ value, label: m.audit.outcomes[value] }))}
      />
      <DatePicker.RangePicker
        className="audit-toolbar__range"
        aria-label={m.audit.timeRange}
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        placeholder={[m.audit.rangeStart, m.audit.rangeEnd]}
        allowEmpty={[true, true]}
        value={range}
        presets={[
          { label: m.audit.presets.hour, value: () => [now().subtract(1, 'hour'), null] as Range },
          { label: m.audit.presets.day, value: () => [now().subtract(1, 'day'), null] as Range },
          { label: m.audit.presets.week, value: () => [now().subtract(7, 'day'), null] as Range },
          { label: m.audit.presets.month, value: () => [now().subtract(30, 'day'), null] as Range },
        ]}
        onChange={(value) =>
          onChange({
            from: value?.[0]?.second(0).millisecond(0).toISOString(),
            to: value?.[1]?.second(0).millisecond(0).toISOString(),
          })
        }
      />
      {params.dataSourceId !== undefined && (
        <Tag closable onClose={() => onChange({ dataSourceId: undefined })} className="audit-toolbar__tag">
          {m.audit.dataSourceFilter(dataSourceName ?? params.dataSourceId)}
        </Tag>
      )}
      {hasAuditFilters(params) && (
        <Button type="link" onClick={onClear}>
          {m.audit.clearFilters}
        </Button>
      )}
      <RefreshButton label={m.audit.refresh} refreshing={refreshing} onRefresh={onRefresh} />
    </div>
  );
}
