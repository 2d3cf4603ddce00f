import { Alert, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { CheckboxGroupProps } from 'antd/es/checkbox';
import type { Dayjs } from 'dayjs';
import { describeError } from '@/components/ErrorState';
import { useToast } from '@/components/toast';
import { isApiError } from '@/lib/api/api-error';
import { inputRules } from '@/lib/api/input-rules';
import type { ReadinessCheckDescription, ReadinessFinding } from '@/lib/api/types';
import {
  applyViolations,
  plainText,
  sentenceText,
  splitViolations,
  type ViolationMapping,
} from '@/lib/forms/violations';
import { useMessages } from '@/lib/i18n/i18n-context';
import { useAcceptRisk } from '../../api/use-acceptances';
import { defaultExpiry, expiryInstant, isPastDay, needsExpiry } from '../../utils/acceptance';
import { ObjectName } from '../test-report/ObjectName';

interface Values {
  reason: string;
  objects: string[];
  expiresAt: Dayjs | null;
}

const FIELDS = new Set(['reason', 'objects', 'expiresAt']);
const REASON_MAX = inputRules.AcceptanceInput.properties.reason.maxLength;

/** "objects[2]" lands on the objects field, and then says which name it is about. */
const VIOLATIONS: ViolationMapping = {
  fieldFor: (name) => (FIELDS.has(String(name[0])) ? [String(name[0])] : undefined),
  text: (violation, aliased) => (aliased ? plainText(violation, aliased) : sentenceText(violation, aliased)),
};

interface Props {
  dataSourceId: string;
  finding: ReadinessFinding;
  check: ReadinessCheckDescription;
  onClose: () => void;
  onAccepted: () => void;
}

/**
 * Accept a finding as a risk: why (required), for which of its objects (all ticked to start with),
 * and until when (required where the check can block, a month ahead to start with).
 */
export function AcceptRiskModal({ dataSourceId, finding, check, onClose, onAccepted }: Props) {
  const m = useMessages();
  const a = m.acceptance;
  const toast = useToast();
  const [form] = Form.useForm<Values>();
  const accept = useAcceptRisk(dataSourceId);
  const expiryRequired = needsExpiry(finding);
  const checkName = m.readiness.checks[finding.check];
  const listedOnly = finding.objectCount > finding.objects.length;

  const submit = (values: Values) =>
    accept.mutate(
      {
        check: finding.check,
        objects: check.namesObjects ? values.objects : [],
        reason: values.reason.trim(),
        expiresAt: expiryInstant(values.expiresAt),
        // What the user sees is what they accept: should the finding grow more severe, it counts again.
        severity: finding.severity,
      },
      {
        onSuccess: () => {
          void toast.success(a.accepted(checkName));
          onAccepted();
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) applyViolations(form, error.violations, VIOLATIONS);
        },
      },
    );

  const error = accept.isError ? accept.error : undefined;
  const unplaced = isApiError(error) ? splitViolations(error.violations, VIOLATIONS).other : [];
  const placedAll = isApiError(error) && error.violations.length > 0 && unplaced.length === 0;

  return (
    <Modal
      open
      title={a.title(checkName)}
      okText={a.submit}
      cancelText={m.common.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={accept.isPending}
      width={560}
      destroyOnHidden
      className="accept-risk"
    >
      <Typography.Paragraph type="secondary">{a.intro}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          reason: '',
          objects: finding.objects.map((object) => object.name),
          expiresAt: defaultExpiry(expiryRequired) ?? null,
        }}
        className="accept-risk__form"
        aria-label={a.title(checkName)}
      >
        <Form.Item
          name="reason"
          label={a.reason}
          extra={a.reasonHelp}
          rules={[{ required: true, whitespace: true, message: a.reasonRequired }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={REASON_MAX} showCount autoFocus />
        </Form.Item>
        {listedOnly && (
          <Alert
            className="accept-risk__listed"
            type="warning"
            showIcon
            title={a.objectsListed(finding.objects.length, finding.objectCount)}
          />
        )}
        {check.namesObjects ? (
          <Form.Item
            name="objects"
            label={a.objects}
            extra={a.objectsHelp}
            rules={[{ required: true, type: 'array', min: 1, message: a.objectsRequired }]}
          >
            <ObjectChoices names={finding.objects.map((object) => object.name)} label={a.objects} />
          </Form.Item>
        ) : (
          <Typography.Paragraph className="accept-risk__no-objects">{a.noObjects}</Typography.Paragraph>
        )}
        <Form.Item
          name="expiresAt"
          label={a.expiresAt}
          extra={expiryRequired ? a.expiryRequiredHelp : a.expiryOptionalHelp}
          rules={[{ required: expiryRequired, message: a.expiryRequired }]}
        >
          <DatePicker disabledDate={(day) => isPastDay(day)} allowClear={!expiryRequired} format="YYYY-MM-DD" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
      {error !== undefined && !placedAll && (
        <Alert
          type="error"
          showIcon
          title={a.failed}
          description={
            unplaced.length > 0
              ? unplaced.map((violation) => `${violation.field} ${violation.message}`).join('; ')
              : describeError(error, m.common)
          }
        />
      )}
    </Modal>
  );
}

interface ObjectChoicesProps extends Pick<CheckboxGroupProps<string>, 'value' | 'onChange'> {
  names: readonly string[];
  /** The field's label, which names the group. */
  label: string;
  /** Set by Form.Item: the field's id, which its label points to. */
  id?: string;
  /** Set by Form.Item on a required field; see below. */
  'aria-required'?: unknown;
}

/**
 * The finding's objects as checkboxes, in a group named by the field's label. Form.Item marks a
 * required control aria-required, which a group of checkboxes may not carry (axe:
 * aria-allowed-attr): it is left off here, and the field's help and its error say what is needed.
 */
function ObjectChoices({ names, label, value, onChange, id }: ObjectChoicesProps) {
  return (
    <div id={id} role="group" aria-label={label}>
      <Checkbox.Group className="accept-risk__objects" value={value} onChange={onChange}>
        {names.map((name) => (
          <Checkbox key={name} value={name}>
            <ObjectName name={name} />
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
}
