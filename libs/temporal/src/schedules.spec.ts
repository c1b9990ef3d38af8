import { calendarScheduleOptions, ensureSchedule } from './schedules';
import { RETENTION_SCHEDULE } from './worker-schedules';

function fakeClient(opts: { exists: boolean; matches?: boolean; paused?: boolean }) {
  const update = jest.fn();
  const handle = {
    describe: jest.fn().mockResolvedValue({}),
    update: jest.fn(async (fn: (previous: unknown) => unknown) =>
      update(fn({ state: { paused: opts.paused ?? false, note: 'ops' } })),
    ),
  };
  const create = jest.fn(async () => {
    if (opts.exists) throw Object.assign(new Error('exists'), { name: 'ScheduleAlreadyRunning' });
  });
  return { client: { schedule: { create, getHandle: jest.fn(() => handle) } }, update, handle };
}

describe('ensureSchedule', () => {
  const options = calendarScheduleOptions(RETENTION_SCHEDULE, 'q');

  it('creates a missing schedule', async () => {
    const { client } = fakeClient({ exists: false });
    await expect(ensureSchedule(client as never, { options, matches: () => false })).resolves.toBe(
      'created',
    );
  });

  it('leaves a current schedule alone', async () => {
    const { client, handle } = fakeClient({ exists: true });
    await expect(ensureSchedule(client as never, { options, matches: () => true })).resolves.toBe(
      'unchanged',
    );
    expect(handle.update).not.toHaveBeenCalled();
  });

  it('restores a drifted schedule, keeping the ops pause and note', async () => {
    const { client, update } = fakeClient({ exists: true, paused: true });
    await expect(ensureSchedule(client as never, { options, matches: () => false })).resolves.toBe(
      'updated',
    );
    expect(update).toHaveBeenCalledWith({
      spec: options.spec,
      action: options.action,
      policies: options.policies,
      state: { paused: true, note: 'ops' },
    });
  });

  it('passes other creation failures through', async () => {
    const client = { schedule: { create: jest.fn().mockRejectedValue(new Error('down')) } };
    await expect(ensureSchedule(client as never, { options, matches: () => true })).rejects.toThrow(
      'down',
    );
  });
});
