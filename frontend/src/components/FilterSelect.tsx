import { Select } from 'antd';

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

/** A toolbar filter: one value or none, cleared with its ×. */
export function FilterSelect<V extends string>({
  label,
  placeholder,
  value,
  options,
  onChange,
  wide = false,
  widePopup = false,
}: Props<V>) {
  return (
    <Select<V>
      className={wide ? 'toolbar__filter toolbar__filter--wide' : 'toolbar__filter'}
      aria-label={label}
      placeholder={placeholder}
      allowClear
      value={value}
      onChange={onChange}
      options={options}
      popupMatchSelectWidth={!widePopup}
    />
  );
}
