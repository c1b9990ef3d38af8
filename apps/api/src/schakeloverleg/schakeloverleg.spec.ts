import 'reflect-metadata';
import { DEFAULT_SCHAKELOVERLEG_POLICY, TRANSFER_COMMAND_FIELDS } from '@cjg/domain';
import type { Principal } from '../auth/principal';
import { problems } from '../common/dto-problems.testing';
import { RecordTransferOutcomeDto } from './dto/commands.dto';
import { ProposeTransferDto } from './dto/transfer.dto';
import { forMunicipality, schakeloverlegConfigFromEnv } from './schakeloverleg.config';
import { canSeeTransfer, TRANSFER_COMMAND_ROLES } from './transfer.access';

describe('Schakeloverleg API', () => {
  describe(schakeloverlegConfigFromEnv.name, () => {
    it('defaults to the domain policy and no contacts', () => {
      expect(schakeloverlegConfigFromEnv({})).toEqual({
        policy: DEFAULT_SCHAKELOVERLEG_POLICY,
        contacts: {},
        escalateTo: {},
      });
    });

    it('reads policy overrides and contacts per municipality, with a fallback', () => {
      const config = schakeloverlegConfigFromEnv({
        CJG_SCHAKELOVERLEG: JSON.stringify({
          policy: { planByWorkingDays: 25 },
          contacts: { '0957': 'coord-anna', '*': 'coord-schakel' },
          escalateTo: { '*': 'lead-bram' },
        }),
      });
      expect(config.policy.planByWorkingDays).toBe(25);
      expect(forMunicipality(config.contacts, '0957')).toBe('coord-anna');
      expect(forMunicipality(config.contacts, '0983')).toBe('coord-schakel');
      expect(forMunicipality(config.escalateTo, '0957')).toBe('lead-bram');
    });

    it.each([
      ['not json', /must be a JSON object/],
      ['{"contact":{}}', /unknown setting\(s\) contact/],
      ['{"contacts":{"957":"coord-anna"}}', /"957" is not a gemeentecode/],
      ['{"contacts":{"0957":"anna@cjg.nl"}}', /contacts.0957 must be a coordinator id/],
      ['{"policy":{"planByWorkingDays":5}}', /planByWorkingDays must be more than/],
    ])('refuses %s', (value, message) => {
      expect(() => schakeloverlegConfigFromEnv({ CJG_SCHAKELOVERLEG: value })).toThrow(message);
    });
  });

  describe('who may do what', () => {
    const facts = { municipalityCode: '0957', organisationId: 'gi-limburg' };
    const as = (p: Partial<Principal>): Principal => ({
      sub: 'x1',
      role: 'ops',
      municipalities: [],
      ...p,
    });

    it('lets the GI of the transfer, the CJG of its municipality and ops see it', () => {
      expect(canSeeTransfer(as({ role: 'gi', organisationId: 'gi-limburg' }), facts)).toBe(true);
      expect(canSeeTransfer(as({ role: 'gi', organisationId: 'gi-elders' }), facts)).toBe(false);
      expect(canSeeTransfer(as({ role: 'coordinator', municipalities: ['0957'] }), facts)).toBe(
        true,
      );
      expect(canSeeTransfer(as({ role: 'team-lead', municipalities: ['0983'] }), facts)).toBe(
        false,
      );
      expect(canSeeTransfer(as({ role: 'ops' }), facts)).toBe(true);
      expect(canSeeTransfer(as({ role: 'provider', agbCode: '12345678' }), facts)).toBe(false);
      expect(
        canSeeTransfer(as({ role: 'veilig-thuis', organisationId: 'gi-limburg' }), facts),
      ).toBe(false);
    });

    it('has a role for every command, and ops none', () => {
      expect(Object.keys(TRANSFER_COMMAND_ROLES).sort()).toEqual(
        Object.keys(TRANSFER_COMMAND_FIELDS).sort(),
      );
      expect(Object.values(TRANSFER_COMMAND_ROLES).flat()).not.toContain('ops');
    });
  });

  describe('bodies', () => {
    const proposal = {
      reference: 'JB-2026-1234',
      municipalityCode: '0957',
      familyId: 'fam-jansen',
      clientId: 'client-0001',
      measure: 'ots',
      measureEndDate: '2027-03-01',
      care: [{ agbCode: '12345678', productCategory: '45' }],
    };

    it('takes a proposal and refuses unknown measures, codes and fields', async () => {
      expect(await problems(ProposeTransferDto, proposal)).toEqual({});
      const bad = await problems(ProposeTransferDto, {
        ...proposal,
        reference: 'jb 1',
        measure: 'voorlopige-ots',
        care: [{ agbCode: '1', productCategory: '45', note: 'x' }],
      });
      expect(Object.keys(bad).sort()).toEqual([
        'care.0.agbCode',
        'care.0.note',
        'measure',
        'reference',
      ]);
    });

    it('asks each outcome for its own fields only', async () => {
      expect(
        await problems(RecordTransferOutcomeDto, {
          agreed: true,
          parentsConsent: true,
          caseNumber: 'CJG-2027-000042',
        }),
      ).toEqual({});
      expect(
        await problems(RecordTransferOutcomeDto, {
          agreed: false,
          reason: 'no-consent',
          revisitDate: '2027-09-01',
          measureEndDate: '2028-03-01',
        }),
      ).toEqual({});
      expect(
        await problems(RecordTransferOutcomeDto, { agreed: true, revisitDate: '2027-09-01' }),
      ).toEqual({
        caseNumber: ['caseNumber is required when agreed is true'],
        parentsConsent: ['parentsConsent is required when agreed is true'],
        revisitDate: ['revisitDate is only allowed when agreed is false'],
      });
      expect(
        await problems(RecordTransferOutcomeDto, {
          agreed: false,
          reason: 'because',
          revisitDate: '2027-02-30',
          caseNumber: 'CJG-2027-000042',
        }),
      ).toEqual({
        caseNumber: ['caseNumber is only allowed when agreed is true'],
        reason: ['reason must be one of no-consent, safety-not-ensured, care-not-in-place, other'],
        revisitDate: [
          'revisitDate must be a calendar date YYYY-MM-DD that exists (e.g. 2026-12-01)',
        ],
      });
    });
  });
});
