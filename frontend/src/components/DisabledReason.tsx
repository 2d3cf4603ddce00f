import { Tooltip } from 'antd';
import { cloneElement, useId, type ReactElement } from 'react';

interface Props {
  /** Why the control inside is disabled; undefined when it is not, and then nothing is added. */
  reason: string | undefined;
  /** The disabled control; it gets the reason as its accessible description. */
  children: ReactElement<{ 'aria-describedby'?: string }>;
  /**
   * Let the keyboard reach the disabled control's reason (a disabled button takes no focus). For
   * a page's main action; row actions leave it to the notice at the top of the page.
   */
  focusable?: boolean;
}

/**
 * A control the signed-in user may not use stays where they expect it, disabled, and says why on
 * hover (and focus, when `focusable`). Screen readers get the reason as the control's description.
 * The tooltip sits on a wrapper because a disabled button receives no pointer events.
 */
export function DisabledReason({ reason, children, focusable = false }: Props) {
  const id = useId();
  if (reason === undefined) return children;
  return (
    <Tooltip title={reason}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a disabled control takes no focus: this says why on focus */}
      <span className="disabled-reason" tabIndex={focusable ? 0 : undefined}>
        {cloneElement(children, { 'aria-describedby': id })}
        <span id={id} className="visually-hidden">
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}
