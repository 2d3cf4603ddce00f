import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useId, useState } from 'react';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { OptionalColumn } from '../utils/list-columns';

export interface ColumnChoice {
  /** The optional columns that make sense here (the region only with several regions). */
  available: readonly OptionalColumn[];
  shown: readonly OptionalColumn[];
  onChange: (shown: readonly OptionalColumn[]) => void;
}

/** The toolbar's column settings: which of dsm's own columns the list adds to the seed's. */
export function ColumnChooser({ available, shown, onChange }: ColumnChoice) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const content = (
    <div role="group" aria-labelledby={titleId} className="column-chooser">
      <Checkbox.Group<OptionalColumn>
        className="column-chooser__options"
        value={shown.filter((column) => available.includes(column))}
        // Columns that do not apply here (the region with one region) keep their remembered choice.
        onChange={(checked) => onChange([...checked, ...shown.filter((column) => !available.includes(column))])}
        options={available.map((column) => ({ value: column, label: m.list.columns[column] }))}
      />
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={<span id={titleId}>{m.list.columnChooser.title}</span>}
      content={content}
    >
      <Button
        className="toolbar__columns"
        icon={<SettingOutlined aria-hidden />}
        aria-expanded={open}
        aria-haspopup="dialog"
      >
        {m.list.columnChooser.button}
      </Button>
    </Popover>
  );
}
