import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { ReadinessCheckId, ReadinessFinding } from '@/lib/api/types';
import { aCheckDescription, anAcceptance, READINESS_CHECKS } from '@/testing/acceptance-fixtures';
import { aSession, fakeApi, json, problem } from '@/testing/fake-api';
import { READINESS_BLOCKED_TEST } from '@/testing/readiness-fixtures';
import { renderWithApp } from '@/testing/render';
import { AcceptRiskModal } from './AcceptRiskModal';

const SOURCE_ID = '00000000-0000-4000-8000-0000000000aa';
const ACCEPT = `/api/datasources/${SOURCE_ID}/acceptances`;

function findingOf(check: ReadinessCheckId): ReadinessFinding {
  const found = READINESS_BLOCKED_TEST.readiness.findings.find((finding) => finding.check === check);
  if (!found) throw new Error(`no finding of ${check}`);
  return found;
}

function descriptionOf(check: ReadinessCheckId) {
  const found = READINESS_CHECKS.find((description) => description.id === check);
  if (!found) throw new Error(`no description of ${check}`);
  return found;
}

/** A blocker about 50 listed tables (73 in all), a warning about one table. */
const BLOCKER = findingOf('tables.replica_identity');
const WARNING = findingOf('tables.large_objects');
/** The same blocker about two tables: quicker to render where the count of objects does not matter. */
const SMALL_BLOCKER: ReadinessFinding = { ...BLOCKER, objects: BLOCKER.objects.slice(0, 2), objectCount: 2 };

function showModal(
  finding: ReadinessFinding,
  check = descriptionOf(finding.check),
  accept = () => json(anAcceptance(), 201),
) {
  const api = fakeApi({ [`POST ${ACCEPT}`]: accept });
  const onAccepted = vi.fn();
  const onClose = vi.fn();
  const rendered = renderWithApp(
    <AcceptRiskModal
      dataSourceId={SOURCE_ID}
      finding={finding}
      check={check}
      onClose={onClose}
      onAccepted={onAccepted}
    />,
    { session: aSession('OPERATOR') },
  );
  return { api, onAccepted, onClose, ...rendered };
}

const modal = () => screen.getByRole('dialog');

/** Pasted rather than typed: typing key by key into Ant Design's text area is slow in jsdom. */
async function giveReason(user: ReturnType<typeof renderWithApp>['user'], reason: string) {
  await user.click(within(modal()).getByLabelText('Reason'));
  await user.paste(reason);
}
const submit = () => within(modal()).getByRole('button', { name: 'Accept risk' });

describe('accepting a finding as a risk', () => {
  it('starts with every object the finding lists ticked, and warns that a finding listing fewer than it has stays open', () => {
    showModal(BLOCKER);

    const boxes = within(modal()).getAllByRole('checkbox');
    expect(boxes).toHaveLength(50);
    expect(boxes.every((box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(within(modal()).getByRole('alert')).toHaveTextContent(
      'The report lists 50 of 73 objects. A finding about more objects than it lists cannot be covered by names',
    );
  });

  it('sends the objects still ticked, the trimmed reason and the check', async () => {
    const { api, user, onAccepted, onClose } = showModal(WARNING);

    await giveReason(user, '  Legacy documents, migrated separately  ');
    await user.click(submit());

    await waitFor(() => expect(api.to('POST', ACCEPT)).toHaveLength(1));
    expect(api.to('POST', ACCEPT)[0]?.body).toEqual({
      check: 'tables.large_objects',
      objects: ['app.docs'],
      reason: 'Legacy documents, migrated separately',
      expiresAt: null,
      severity: 'WARNING',
    });
    await waitFor(() => expect(onAccepted).toHaveBeenCalledOnce());
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('needs an expiry for a blocker, a month ahead to start with, sent as that day begins', async () => {
    const { api, user } = showModal(SMALL_BLOCKER);
    const day = dayjs().startOf('day').add(30, 'day');

    expect(within(modal()).getByLabelText('Expires on')).toHaveValue(day.format('YYYY-MM-DD'));
    expect(modal()).toHaveTextContent('Required for a blocker.');
    await giveReason(user, 'Insert-only tables');
    await user.click(submit());

    await waitFor(() => expect(api.to('POST', ACCEPT)).toHaveLength(1));
    expect(api.to('POST', ACCEPT)[0]?.body).toMatchObject({ expiresAt: day.toISOString() });
  });

  it('leaves the expiry of a warning empty: accepted until revoked', () => {
    showModal(WARNING);

    expect(within(modal()).getByLabelText('Expires on')).toHaveValue('');
    expect(modal()).toHaveTextContent('Optional for a warning');
  });

  it('accepts a warning of a check that can also block as a warning, until revoked unless a day is set', () => {
    showModal(WARNING, aCheckDescription('tables.large_objects', { worstSeverity: 'BLOCKER' }));

    expect(within(modal()).getByLabelText('Expires on')).toHaveValue('');
    expect(modal()).toHaveTextContent('Should it become a blocker, it counts again.');
  });

  it('sends nothing without a reason, and says so under the field', async () => {
    const { api, user } = showModal(WARNING);

    await user.click(submit());

    expect(await within(modal()).findByText('Say why the risk is accepted')).toBeInTheDocument();
    expect(api.to('POST', ACCEPT)).toHaveLength(0);
  });

  it('sends nothing with every object unticked', async () => {
    const { api, user } = showModal(WARNING);

    await giveReason(user, 'Legacy');
    await user.click(within(modal()).getByRole('checkbox', { name: 'app.docs' }));
    await user.click(submit());

    expect(await within(modal()).findByText('Tick at least one object')).toBeInTheDocument();
    expect(api.to('POST', ACCEPT)).toHaveLength(0);
  });

  it('offers no objects for a check that names none, and sends none', async () => {
    const finding: ReadinessFinding = {
      ...WARNING,
      check: 'server.max_slot_wal_keep_size',
      objects: [],
      objectCount: 0,
    };
    const { api, user } = showModal(finding);

    expect(within(modal()).queryAllByRole('checkbox')).toHaveLength(0);
    expect(modal()).toHaveTextContent('This check names no objects');
    await giveReason(user, 'The DBA weighed it');
    await user.click(submit());

    await waitFor(() => expect(api.to('POST', ACCEPT)).toHaveLength(1));
    expect(api.to('POST', ACCEPT)[0]?.body).toMatchObject({ objects: [] });
  });

  it("puts the server's violations under their fields, and one without a field above them", async () => {
    const { user, onAccepted } = showModal(WARNING, undefined, () =>
      problem(400, [
        { field: 'reason', message: 'must not be empty: say why the risk is accepted' },
        { field: 'objects[0]', message: 'must be at most 300 characters' },
        { field: 'expiresAt', message: 'must be at most 90 days ahead (DSM_ACCEPTANCE_MAX_DAYS)' },
        { field: 'check', message: 'tables.large_objects is a connection check' },
      ]),
    );

    await giveReason(user, 'x');
    await user.click(submit());

    expect(await within(modal()).findByText('Must not be empty: say why the risk is accepted')).toBeInTheDocument();
    expect(within(modal()).getByText('objects[0] must be at most 300 characters')).toBeInTheDocument();
    expect(within(modal()).getByText('Must be at most 90 days ahead (DSM_ACCEPTANCE_MAX_DAYS)')).toBeInTheDocument();
    const alert = within(modal()).getByRole('alert');
    expect(alert).toHaveTextContent('The risk was not accepted');
    expect(alert).toHaveTextContent('check tables.large_objects is a connection check');
    expect(onAccepted).not.toHaveBeenCalled();
  });

  it("says why when a provisioning file manages the source's acceptances", async () => {
    const { user } = showModal(WARNING, undefined, () =>
      problem(409, [], 'The accepted risks of orders01 are managed by the provisioning file orders.yaml.'),
    );

    await giveReason(user, 'Legacy');
    await user.click(submit());

    expect(await within(modal()).findByRole('alert')).toHaveTextContent('managed by the provisioning file orders.yaml');
  });

  it('reads in Chinese', async () => {
    fakeApi({});
    renderWithApp(
      <AcceptRiskModal
        dataSourceId={SOURCE_ID}
        finding={SMALL_BLOCKER}
        check={descriptionOf(BLOCKER.check)}
        onClose={() => undefined}
        onAccepted={() => undefined}
      />,
      { language: 'zh-CN' },
    );

    expect(await screen.findByRole('dialog')).toHaveTextContent('接受风险：');
    expect(within(modal()).getByLabelText('到期日')).toBeInTheDocument();
  });
});
