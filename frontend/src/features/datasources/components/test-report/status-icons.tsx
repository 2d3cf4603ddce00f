import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  MinusCircleOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { CheckStatus, FindingSeverity, ReadinessState } from '@/lib/api/types';

/*
 * Each state has its own shape as well as its own colour, so that the icons still differ for
 * colour-blind readers and in greyscale; the words next to them carry the meaning for everyone.
 */

const good = <CheckCircleFilled className="check-icon check-icon--passed" aria-hidden />;
const bad = <CloseCircleFilled className="check-icon check-icon--failed" aria-hidden />;
const caution = <ExclamationCircleFilled className="check-icon check-icon--warning" aria-hidden />;
const notRun = <MinusCircleOutlined className="check-icon check-icon--skipped" aria-hidden />;

export const STATUS_ICON: Record<CheckStatus, ReactNode> = {
  PASSED: good,
  FAILED: bad,
  WARNING: caution,
  SKIPPED: notRun,
};

export const STATE_ICON: Record<ReadinessState, ReactNode> = {
  READY: good,
  WARNINGS: caution,
  BLOCKED: bad,
  NOT_CHECKED: <QuestionCircleOutlined className="check-icon check-icon--skipped" aria-hidden />,
  NOT_APPLICABLE: notRun,
};

export const SEVERITY_ICON: Record<FindingSeverity, ReactNode> = {
  BLOCKER: bad,
  WARNING: caution,
  INFO: <InfoCircleFilled className="check-icon check-icon--info" aria-hidden />,
};
