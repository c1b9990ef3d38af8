import {
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { amsterdamDate, compareDates, problem } from '@cjg/domain';
import type { Principal } from '../auth/principal';
import type { FamilySamenloopDto, NameSamenloopDto, RecordConsentDto } from './family.dto';

interface FamilyRow {
  id: string;
  named_by_municipality: string | null;
  named_on: string | null;
  family_informed: boolean | null;
  consent: 'given' | 'refused' | null;
  consent_on: string | null;
}

/**
 * Samenloop named by the municipality, and the family's consent (004): "De gemeente maakt de
 * betreffende gezinnen bekend bij het CJG (en informeert de betreffende gezinnen hierover), het
 * CJG neemt daarna contact op. Verdere gesprekken volgen alleen na volledige instemming van een
 * gezin." A family is reached by who works for the municipality that named it or for one of
 * its trajectories; anyone else is answered 404, as if it were not there.
 */
@Injectable()
export class FamiliesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A team lead names a family for its own municipality; ops for any. */
  async name(principal: Principal, familyId: string, body: NameSamenloopDto) {
    if (principal.role !== 'ops' && !principal.municipalities.includes(body.municipalityCode))
      throw new ForbiddenException(`municipality ${body.municipalityCode} is not in your scope`);
    this.notAfterToday(body.namedOn, 'namedOn');
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO family (id, named_by_municipality, named_on, family_informed)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET named_by_municipality = EXCLUDED.named_by_municipality,
         named_on = EXCLUDED.named_on, family_informed = EXCLUDED.family_informed
       RETURNING (xmax = 0) AS created`,
      [familyId, body.municipalityCode, body.namedOn, body.familyInformed],
    );
    return { id: familyId, created: Boolean((rows[0] as { created: boolean }).created) };
  }

  /** The family's answer, recorded by a coordinator or team lead who reaches the family. */
  async recordConsent(principal: Principal, familyId: string, body: RecordConsentDto) {
    await this.reached(principal, familyId);
    this.notAfterToday(body.on, 'on');
    await this.dataSource.query(
      `UPDATE family SET consent = $2, consent_on = $3, consent_recorded_by = $4 WHERE id = $1`,
      [familyId, body.consent, body.on, principal.sub],
    );
    return this.read(principal, familyId);
  }

  async read(principal: Principal, familyId: string): Promise<FamilySamenloopDto> {
    const row = await this.reached(principal, familyId);
    return {
      familyId: row.id,
      namedByMunicipality: row.named_by_municipality,
      namedOn: row.named_on,
      familyInformed: row.family_informed,
      consent: row.consent,
      consentOn: row.consent_on,
    };
  }

  /** The family, when the caller reaches it; 404 otherwise (not told apart from "none"). */
  private async reached(principal: Principal, familyId: string): Promise<FamilyRow> {
    const rows: Array<FamilyRow & { reached: boolean }> = await this.dataSource.query(
      `SELECT f.id, f.named_by_municipality, f.named_on::text AS named_on, f.family_informed,
              f.consent, f.consent_on::text AS consent_on,
              ($2 OR f.named_by_municipality = ANY($3::text[]) OR EXISTS (
                SELECT 1 FROM trajectory t
                WHERE t.family_id = f.id AND t.municipality_code = ANY($3::text[]))) AS reached
       FROM family f WHERE f.id = $1`,
      [familyId, principal.role === 'ops', principal.municipalities],
    );
    const row = rows[0];
    if (!row?.reached) throw new NotFoundException(`Family ${familyId} does not exist`);
    return row;
  }

  private notAfterToday(date: string, field: string): void {
    const today = amsterdamDate(new Date());
    if (compareDates(date, today) > 0)
      throw new UnprocessableEntityException([
        problem('date-too-late', `${field} must not be after today (${today})`),
      ]);
  }
}
