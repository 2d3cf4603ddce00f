import { Form, Input, Select } from 'antd';
import { memo } from 'react';
import { DATA_SOURCE_TYPES } from '@/lib/api/enum-values';
import type { DatabaseAttribute } from '@/lib/api/types';
import { useMessages } from '@/lib/i18n/i18n-context';
import { IDENTIFIER_MAX, REMARKS_MAX } from '../../utils/field-rules';
import { hasStandby, supportsHeartbeat, type DialogMode } from '../../utils/form-values';
import { AdvancedFields } from './AdvancedFields';
import { AttributeField } from './AttributeField';
import { EndpointFields } from './EndpointFields';
import { FieldColumns } from './FieldColumns';
import { HeartbeatField } from './HeartbeatField';
import { PasswordSourceFields, type ReferenceChoice } from './PasswordSourceFields';
import { StandbyFields } from './StandbyFields';
import type { FieldRules } from './use-field-rules';

interface Props {
  mode: DialogMode;
  rules: FieldRules;
  regions: readonly string[];
  multiRegion: boolean;
  /** What the data source being edited reads its passwords from; nothing on create and copy. */
  stored: { standbyPassword: boolean; passwordReferenced: boolean; standbyPasswordReferenced: boolean };
  /** The passwords to type again, because the edit moved the endpoint they were saved with. */
  passwordAgain: { primary: boolean; standby: boolean };
  /** What the user may do with the primary's and the standby's password reference. */
  references: { primary: ReferenceChoice; standby: ReferenceChoice };
  /** Why a reference is read-only, for one who may only keep it. */
  referenceReadOnlyHelp: string | undefined;
}

/**
 * The fields of the data source form, with the OMS seed's labels in the seed's order. Region,
 * heartbeat and standby appear only when they apply. Memoized: the dialog re-renders on every
 * connection edit (to move the OK gate), and the fields need not follow; each field renders itself.
 */
export const DataSourceFormFields = memo(function DataSourceFormFields({
  mode,
  rules,
  regions,
  multiRegion,
  stored,
  passwordAgain,
  references,
  referenceReadOnlyHelp,
}: Props) {
  const m = useMessages();
  const f = m.form;
  const attribute = Form.useWatch<DatabaseAttribute | undefined>('attribute');
  const editing = mode === 'edit';

  return (
    <>
      <FieldColumns spans={[8, 16]}>
        <Form.Item name="type" label={f.type} rules={rules.type} required>
          <Select options={DATA_SOURCE_TYPES.map((value) => ({ value, label: m.type[value] }))} />
        </Form.Item>
        <Form.Item
          name="identifier"
          label={f.identifier}
          rules={rules.identifier}
          extra={f.identifierHelp(IDENTIFIER_MAX)}
          hasFeedback
          required
        >
          <Input placeholder={f.identifierPlaceholder} maxLength={64} autoComplete="off" spellCheck={false} autoFocus />
        </Form.Item>
      </FieldColumns>

      {multiRegion && (
        <Form.Item name="region" label={f.region} rules={rules.region} extra={f.regionHelp} required>
          <Select placeholder={f.regionPlaceholder} options={regions.map((value) => ({ value, label: value }))} />
        </Form.Item>
      )}

      <AttributeField rules={rules} />
      {supportsHeartbeat(attribute) && <HeartbeatField rules={rules} />}

      <EndpointFields
        path={[]}
        labels={{ host: f.host, port: f.port }}
        rules={{ host: rules.host, port: rules.port }}
        hostPlaceholder={f.hostPlaceholder}
      />
      <PasswordSourceFields
        path={[]}
        username={
          <Form.Item name="username" label={f.username} rules={rules.username} required>
            <Input autoComplete="off" spellCheck={false} />
          </Form.Item>
        }
        labels={{ source: f.passwordSource, password: f.password, passwordRef: f.passwordRef }}
        rules={{ password: rules.password, passwordRef: rules.passwordRef }}
        passwordPlaceholder={
          !editing ? f.passwordRequired : stored.passwordReferenced ? f.passwordReplacesReference : f.passwordKeep
        }
        passwordRequired={!editing || stored.passwordReferenced || passwordAgain.primary}
        passwordAgain={passwordAgain.primary ? f.passwordAgainHelp : undefined}
        references={references.primary}
        referenceReadOnlyHelp={referenceReadOnlyHelp}
      />
      <FieldColumns spans={[12, 12]}>
        <Form.Item name="databaseName" label={f.databaseName} rules={rules.databaseName} required>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="schemaName" label={f.schemaName} rules={rules.schemaName} extra={f.schemaNameHelp}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
      </FieldColumns>

      {hasStandby(attribute) && (
        <StandbyFields
          rules={rules}
          passwordPlaceholder={
            editing && stored.standbyPasswordReferenced
              ? f.passwordReplacesReference
              : editing && stored.standbyPassword
                ? f.standbyPasswordKeep
                : f.standbyPasswordSameAsPrimary
          }
          passwordRequired={(editing && stored.standbyPasswordReferenced) || passwordAgain.standby}
          passwordAgain={passwordAgain.standby ? f.standbyPasswordAgainHelp : undefined}
          references={references.standby}
          referenceReadOnlyHelp={referenceReadOnlyHelp}
        />
      )}

      <Form.Item name="remarks" label={f.remarks} rules={rules.remarks}>
        <Input.TextArea rows={2} showCount maxLength={REMARKS_MAX} placeholder={f.remarksPlaceholder} />
      </Form.Item>

      <AdvancedFields rules={rules} />
    </>
  );
});
