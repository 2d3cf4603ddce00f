import { Select } from 'antd';
import type { ReactNode } from 'react';

interface Props<V extends string> {
  /** What the filter is, for screen readers: the placeholder goes once a value is chosen. */
  label: string;
  /** Shown while nothing is chosen: "All types". */
  placeholder: string;
  value: V | undefined;
  options: { value: V; label: string }[];
  onChange: (value: V | undefined) => void;
  /** For option labels longer than the usual filter's width. */
  wide?: boolean;
  /** Lets the open list grow wider than the field, to show long options whole. */
  widePopup?: boolean;
}

type Common<V extends string> = Omit<Props<V>, 'value' | 'onChange'>;

/** What every toolbar filter shares, single or multiple: its width, name, placeholder, × and options. */
function toolbarFilter<V extends string>({ label, placeholder, options, wide = false, widePopup = false }: Common<V>) {
  return {
    className: wide ? 'toolbar__filter toolbar__filter--wide' : 'toolbar__filter',
    'aria-label': label,
    placeholder,
    allowClear: true,
    options,
    popupMatchSelectWidth: !widePopup,
  };
}

/** A toolbar filter: one value or none, cleared with its ×. */
export function FilterSelect<V extends string>({ value, onChange, ...common }: Props<V>) {
  return <Select<V> {...toolbarFilter(common)} value={value} onChange={onChange} />;
}

interface MultiProps<V extends string> extends Common<V> {
  value: readonly V[];
  onChange: (value: V[]) => void;
  /** How an option looks in the open list (a coloured tag, say); its label otherwise. */
  renderOption?: (value: V) => ReactNode;
}

/**
 * A toolbar filter of several values at once ("Blocked or Unreachable"), cleared with its ×. The
 * chosen values collapse into "+N" rather than growing the toolbar.
 */
export function MultiFilterSelect<V extends string>({ value, onChange, renderOption, ...common }: MultiProps<V>) {
  return (
    <Select<V[]>
      mode="multiple"
      {...toolbarFilter(common)}
      maxTagCount="responsive"
      showSearch={false}
      value={[...value]}
      onChange={onChange}
      optionRender={renderOption && ((option) => renderOption(option.value as V))}
    />
  );
}
