import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { EncryptionCodec, isEncrypted } from './encryption-codec';
import {
  decodeHistoryPayloads,
  encodeHistoryPayloads,
  unencryptedHistoryPayloads,
} from './history-payloads';

const codec = new EncryptionCodec([{ id: 'k', key: randomBytes(32) }]);
const json = (value: unknown) => defaultPayloadConverter.toPayload(value);

/** A history with an activity's input, a patch marker and a local activity's marker. */
function history(): temporal.api.history.v1.IHistory {
  return {
    events: [
      {
        activityTaskScheduledEventAttributes: {
          input: { payloads: [json({ caseNumber: 'CJG-2026-000123' })] },
        },
      },
      {
        markerRecordedEventAttributes: {
          markerName: 'core_patch',
          details: { patch_data: { payloads: [json({ id: 'some-patch', deprecated: false })] } },
        },
      },
      {
        markerRecordedEventAttributes: {
          markerName: 'core_local_activity',
          details: {
            data: { payloads: [json({ seq: 1, activity_type: 'projectTrajectory' })] },
            result: { payloads: [json({ revision: 3 })] },
          },
        },
      },
    ],
  };
}

describe('history payloads', () => {
  it("encodes what a worker's codec encodes: inputs and a local activity's result, not the markers' own data", async () => {
    const h = history();
    await encodeHistoryPayloads(h, codec);
    const [scheduled, patch, local] = h.events!;
    expect(isEncrypted(scheduled!.activityTaskScheduledEventAttributes!.input!.payloads![0]!)).toBe(
      true,
    );
    const patchData = patch!.markerRecordedEventAttributes!.details!.patch_data!.payloads![0]!;
    expect(isEncrypted(patchData)).toBe(false);
    const details = local!.markerRecordedEventAttributes!.details!;
    expect(isEncrypted(details.data!.payloads![0]!)).toBe(false);
    expect(isEncrypted(details.result!.payloads![0]!)).toBe(true);
    expect(unencryptedHistoryPayloads(h)).toEqual([]);

    await decodeHistoryPayloads(h, codec);
    expect(defaultPayloadConverter.fromPayload(details.result!.payloads![0]!)).toEqual({
      revision: 3,
    });
  });

  it("finds a local activity's result left unencrypted", () => {
    const unencrypted = unencryptedHistoryPayloads(history()).map(({ path }) => path);
    expect(unencrypted).toEqual([
      'events[0].activityTaskScheduledEventAttributes.input.payloads[0]',
      'events[2].markerRecordedEventAttributes.details.result.payloads[0]',
    ]);
  });
});
