import { Typography } from 'antd';
import { useId } from 'react';
import type { AffectedObject } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { ObjectName } from './ObjectName';

/** Beyond this many, the list scrolls inside its own box rather than pushing the report down. */
const SCROLL_AFTER = 6;

interface Props {
  objects: readonly AffectedObject[];
  /** How many there are in all; the server lists at most 50. */
  total: number;
}

export function AffectedObjects({ objects, total }: Props) {
  const m = useMessages();
  const labelId = useId();
  const scrolls = objects.length > SCROLL_AFTER;
  const more = total - objects.length;
  return (
    <div className="finding__section">
      <Typography.Text strong className="finding__label" id={labelId}>
        {m.readiness.objects(total)}
      </Typography.Text>
      <ul
        className={`affected-objects${scrolls ? ' affected-objects--scrolls' : ''}`}
        aria-labelledby={labelId}
        // A scrolling box must be reachable from the keyboard to be scrolled with it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- so it takes focus though not interactive
        tabIndex={scrolls ? 0 : undefined}
      >
        {objects.map((object, index) => (
          <li key={index} className="affected-objects__item">
            <ObjectName name={object.name} />
            {object.detail && <span className="affected-objects__detail">{object.detail}</span>}
          </li>
        ))}
      </ul>
      {more > 0 && <Typography.Text type="secondary">{m.readiness.andMore(more)}</Typography.Text>}
    </div>
  );
}
