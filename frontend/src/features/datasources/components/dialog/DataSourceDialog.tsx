import { Form, Modal } from 'antd';
import { useMemo, useState } from 'react';
import type { DataSource } from '@/lib/api/types';
import { usePermissions } from '@/lib/auth/authorization';
import { useMessages } from '@/lib/i18n/i18n-context';
import {
  emptyFormValues,
  formValuesFrom,
  withTypedPasswordsOnly,
  type DataSourceFormValues,
} from '../../utils/form-values';
import { AcceptRiskScopeContext } from '../acceptance/accept-risk-scope';
import { DataSourceFormFields } from './DataSourceFormFields';
import type { DialogRequest } from './dialog-request';
import { DialogFooter } from './DialogFooter';
import { DialogNoticeBanner } from './DialogNoticeBanner';
import type { ReferenceChoice } from './PasswordSourceFields';
import { TestOutcome } from './TestOutcome';
import { useDataSourceDialog } from './use-data-source-dialog';
import { useFieldRules } from './use-field-rules';

interface Props {
  request: DialogRequest;
  regions: readonly string[];
  multiRegion: boolean;
  onClose: () => void;
  onSaved: (saved: DataSource, mode: DialogRequest['mode']) => void;
}

/**
 * "Create Data Source", also for Edit and Copy. Fill in, Test Connection, OK: OK is offered once a
 * test of exactly the values on screen passed. The form, passwords included, is destroyed on close.
 */
export default function DataSourceDialog({ request, regions, multiRegion, onClose, onSaved }: Props) {
  const m = useMessages();
  const [modal, modalHolder] = Modal.useModal();
  const [form] = Form.useForm<DataSourceFormValues>();
  const [open, setOpen] = useState(true);
  const permissions = usePermissions();
  const mayNameReferences = permissions.can('namePasswordReferences');
  // A copy is a new data source: only an administrator may give it the original's reference.
  const [initialValues] = useState(() =>
    request.mode === 'create'
      ? emptyFormValues(regions)
      : request.mode === 'copy' && !mayNameReferences
        ? withTypedPasswordsOnly(formValuesFrom(request.source, request.mode, regions))
        : formValuesFrom(request.source, request.mode, regions),
  );
  const dialog = useDataSourceDialog({ request, form, regions, multiRegion, onSaved, mayNameReferences });
  const editedSource = request.mode === 'edit' ? dialog.source : undefined;
  // References are offered to administrators; anyone else may only keep the one a data source has.
  const references = useMemo(
    () => ({
      primary: referenceChoice(mayNameReferences, Boolean(editedSource?.passwordRef)),
      standby: referenceChoice(mayNameReferences, Boolean(editedSource?.standby?.passwordRef)),
    }),
    [mayNameReferences, editedSource],
  );
  const rules = useFieldRules({
    form,
    mode: request.mode,
    excludeId: editedSource?.id,
    referenced: {
      primary: Boolean(editedSource?.passwordRef),
      standby: Boolean(editedSource?.standby?.passwordRef),
    },
    scope: dialog.passwordScope,
    references,
  });
  const acceptScope = useMemo(() => (editedSource ? { dataSource: editedSource } : null), [editedSource]);
  const stored = useMemo(
    () => ({
      standbyPassword: editedSource?.standby?.passwordSet ?? false,
      passwordReferenced: Boolean(editedSource?.passwordRef),
      standbyPasswordReferenced: Boolean(editedSource?.standby?.passwordRef),
    }),
    [editedSource],
  );

  const title =
    request.mode === 'create'
      ? m.form.createTitle
      : request.mode === 'edit'
        ? m.form.editTitle(request.source.identifier)
        : m.form.copyTitle(request.source.identifier);

  // Escape, the close button and Cancel all come here: typed work is not thrown away unasked.
  const requestClose = () => {
    if (dialog.saving) return;
    if (!form.isFieldsTouched()) {
      setOpen(false);
      return;
    }
    modal.confirm({
      title: m.form.unsavedTitle,
      content: m.form.unsavedBody,
      okText: m.form.discard,
      okButtonProps: { danger: true },
      cancelText: m.form.keepEditing,
      onOk: () => setOpen(false),
    });
  };

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      style={{ top: 24 }}
      className="datasource-dialog"
      onCancel={requestClose}
      afterClose={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <DialogFooter
          status={dialog.status}
          okEnabled={dialog.okEnabled}
          connectionUntouched={dialog.connectionUntouched && request.mode === 'edit'}
          testing={dialog.testing}
          saving={dialog.saving}
          onCancel={requestClose}
          onTest={() => void dialog.runTest()}
          onOk={() => void dialog.submit()}
        />
      }
    >
      {modalHolder}
      <Form<DataSourceFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={dialog.onValuesChange}
        className="datasource-form"
        aria-label={title}
      >
        {dialog.notice && <DialogNoticeBanner notice={dialog.notice} onReload={() => void dialog.reload()} />}
        <DataSourceFormFields
          mode={request.mode}
          rules={rules}
          regions={regions}
          multiRegion={multiRegion}
          stored={stored}
          passwordAgain={dialog.passwordScope.again}
          references={references}
          referenceReadOnlyHelp={permissions.whyNot('namePasswordReferences')}
        />
        {/* Findings of a saved source may be accepted from its test; an unsaved form's may not. */}
        <AcceptRiskScopeContext value={acceptScope}>
          <TestOutcome testing={dialog.testing} report={dialog.report} stale={dialog.reportStale} />
        </AcceptRiskScopeContext>
      </Form>
    </Modal>
  );
}

function referenceChoice(mayNameReferences: boolean, referenced: boolean): ReferenceChoice {
  if (mayNameReferences) return 'any';
  return referenced ? 'keep' : 'none';
}
