import { messagesOf } from './problems';
import { isValidPersonId } from './ids';
import { isValidMunicipalityCode } from './municipality';
import { trajectoryInputProblems } from './processes/trajectory';

const valid = {
  caseNumber: 'CJG-2026-000123',
  municipalityCode: '0957',
  coordinatorId: 'coord-anna',
  clientId: 'client-0001',
  familyId: 'fam-jansen',
};

describe('trajectory input', () => {
  it('has no problems when every field is well-formed', () => {
    expect(messagesOf(trajectoryInputProblems(valid, new Date()))).toEqual([]);
  });

  it('names every malformed field', () => {
    const problems = messagesOf(
      trajectoryInputProblems(
        {
          caseNumber: 'x',
          municipalityCode: '957',
          coordinatorId: 'anna@cjg.nl',
          clientId: '123456782',
          familyId: 'fam-jansen',
        },
        new Date(),
      ),
    );
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(/caseNumber.*municipalityCode.*coordinatorId.*clientId/);
  });
});

describe('ids carry no personal data', () => {
  it.each([
    ['anna@cjg.nl', false],
    ['Anna de Vries', false],
    ['123456782', false],
    ['client-0001', true],
  ])(
    'refuses e-mail addresses, names with spaces and BSN-like numbers: %s is an id: %s',
    (id, valid) => {
      expect(isValidPersonId(id)).toBe(valid);
    },
  );
});

describe('CBS municipality codes', () => {
  it('takes exactly four digits, leading zeros included', () => {
    expect(isValidMunicipalityCode('0957')).toBe(true);
    expect(isValidMunicipalityCode('957')).toBe(false);
    expect(isValidMunicipalityCode('09570')).toBe(false);
  });
});
