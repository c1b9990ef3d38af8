import { randomBytes } from 'node:crypto';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from './connection/encryption-codec';
import { failureConverter } from './failure-converter';

describe('failureConverter', () => {
  it('moves message and stack trace into an encoded payload, which the codec encrypts', async () => {
    const error = ApplicationFailure.create({
      message: 'duplicate key value (email)=(ouders.jansen@gezin.example)',
      type: 'QueryFailedError',
    });
    const failure = failureConverter.errorToFailure(error, defaultPayloadConverter);
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    const codec = new EncryptionCodec([{ id: 'k1', key: randomBytes(32) }]);
    const [stored] = await codec.encode([failure.encodedAttributes!]);
    expect(Buffer.from(stored!.data!).toString('latin1')).not.toContain('gezin.example');
    // A reader with the codec gets the message back.
    const [decoded] = await codec.decode([stored!]);
    const back = failureConverter.failureToError(
      { ...failure, encodedAttributes: decoded },
      defaultPayloadConverter,
    );
    expect(back.message).toBe('duplicate key value (email)=(ouders.jansen@gezin.example)');
  });
});
