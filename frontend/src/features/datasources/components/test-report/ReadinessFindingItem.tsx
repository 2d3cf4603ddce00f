import { DownOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useId, useState } from 'react';
import type { ReadinessFinding } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { hasDetails } from '../../utils/readiness';
import { FindingAcceptanceLine } from '../acceptance/FindingAcceptanceLine';
import { FindingDetails } from './FindingDetails';
import { SEVERITY_ICON } from './status-icons';

interface Props {
  finding: ReadinessFinding;
  showTarget: boolean;
}

/**
 * One finding: severity, what it is about and the server's message, always visible; its hint,
 * objects and fix behind a disclosure button, so that a long report stays scannable.
 */
export function ReadinessFindingItem({ finding, showTarget }: Props) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const expandable = hasDetails(finding);
  const severity = finding.severity;

  const heading = (
    <span className="finding__heading">
      <span className="finding__severity">
        {SEVERITY_ICON[severity]}
        {m.readiness.severity[severity]}
      </span>{' '}
      <span className="finding__title">{m.readiness.checks[finding.check]}</span>{' '}
      <span className="finding__tags">
        {showTarget && <Tag variant="outlined">{m.test.target[finding.target]}</Tag>}
        <span className="visually-hidden">{m.readiness.concerns}: </span>
        {finding.scopes.map((scope) => (
          <Tag key={scope} variant="filled">
            {m.readiness.scopes[scope]}
          </Tag>
        ))}
      </span>
    </span>
  );

  return (
    <li className={`finding finding--${severity.toLowerCase()}${finding.accepted ? ' finding--accepted' : ''}`}>
      {expandable ? (
        <button
          type="button"
          className="finding__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          <DownOutlined className="finding__chevron" aria-hidden />
          {heading}
        </button>
      ) : (
        <div className="finding__toggle finding__toggle--static">{heading}</div>
      )}
      <p className="finding__message">{finding.message}</p>
      <FindingAcceptanceLine finding={finding} />
      {expandable && (
        <div id={panelId} className="finding__details" hidden={!open}>
          {open && <FindingDetails finding={finding} />}
        </div>
      )}
    </li>
  );
}
