import { Radio, Typography } from 'antd';

interface Props {
  value: string;
  label: string;
  /** The one line that tells this choice from the others. */
  help: string;
}

/** A radio choice with a line of help under its label. */
export function DescribedRadio({ value, label, help }: Props) {
  return (
    <Radio value={value} className="described-option">
      <span className="described-option__label">{label}</span>
      <Typography.Text type="secondary" className="described-option__help">
        {help}
      </Typography.Text>
    </Radio>
  );
}
