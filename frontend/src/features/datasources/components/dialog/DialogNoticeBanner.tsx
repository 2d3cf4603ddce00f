import { Alert, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { scrollIntoView } from '@/lib/dom/scroll-into-view';
import { useMessages } from '@/lib/i18n/i18n-context';
import type { DialogNotice } from './use-dialog-notice';

/** A save or test problem that has no single field to sit on, or a version conflict to resolve. */
export function DialogNoticeBanner({ notice, onReload }: { notice: DialogNotice; onReload: () => void }) {
  const m = useMessages();
  // It sits above the fields, far from the buttons that caused it: bring it into view.
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => scrollIntoView(anchor.current), [notice]);
  if (notice.kind === 'stale') {
    return (
      <div ref={anchor}>
        <Alert
          className="dialog-notice"
          type="warning"
          showIcon
          title={m.form.staleTitle}
          description={m.form.staleBody}
          action={
            <Button size="small" onClick={onReload}>
              {m.form.reload}
            </Button>
          }
        />
      </div>
    );
  }
  return (
    <div ref={anchor}>
      <Alert
        className="dialog-notice"
        type="error"
        showIcon
        role="alert"
        title={notice.title}
        description={
          <>
            {notice.description}
            {notice.violations.length > 0 && (
              <ul className="dialog-notice__violations">
                {notice.violations.map((violation, index) => (
                  <li key={index}>
                    {violation.field ? <code>{violation.field}</code> : null} {violation.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
}
