import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isTextRef, mapFreeText, type TextRef } from '@cjg/domain';
import type { Principal } from '../auth/principal';

/** A command's data with its free texts stored, and the ids of the texts stored for it. */
export interface StoredTexts<T> {
  data: T;
  textIds: string[];
}

/**
 * The free texts of a case (table case_text). What a person types may name people, so a command
 * reaches its workflow with a reference (TextRef) in place of each text, and a view is answered
 * with the texts read back in. Workflow histories then hold ids and codes only.
 */
@Injectable()
export class CaseTextsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the texts at `paths` of `data` (one INSERT) and answers `data` with a reference in
   * place of each: a string becomes a text of one item, a list of strings one of as many.
   */
  async store<T>(
    caseNumber: string,
    paths: readonly string[],
    data: T,
    principal: Principal,
  ): Promise<StoredTexts<T>> {
    const rows: Array<{ id: string; field: string; list: boolean; items: string[] }> = [];
    for (const path of paths) {
      mapFreeText(data, [path], (value) => {
        const list = Array.isArray(value);
        const items = (list ? value : [value]).map((item) =>
          typeof item === 'string' ? item.trim() : String(item),
        );
        rows.push({ id: randomUUID(), field: path, list, items });
        return value;
      });
    }
    if (rows.length === 0) return { data, textIds: [] };
    await this.dataSource.query(
      `INSERT INTO case_text (id, case_number, field, list, items, created_by)
       SELECT r.id, $1, r.field, r.list, r.items, $2
         FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, field text, list boolean, items jsonb)`,
      [caseNumber, principal.sub, JSON.stringify(rows)],
    );
    let next = 0;
    const withRefs = mapFreeText(data, paths, (): TextRef => {
      const row = rows[next++]!;
      return { textId: row.id, items: row.items.length };
    });
    return { data: withRefs, textIds: rows.map((row) => row.id) };
  }

  /** Removes texts no command will name (the command was refused for good). */
  async discard(textIds: readonly string[]): Promise<void> {
    if (textIds.length === 0) return;
    await this.dataSource.query('DELETE FROM case_text WHERE id = ANY($1::uuid[])', [textIds]);
  }

  /**
   * `view` with each reference to a text of this case replaced by the text: a list for a text
   * typed as a list, else a string; `null` for a text that is gone (destroyed). Texts of a run
   * from before the texts moved out are in the view as they are and stay so.
   */
  async resolve<T>(caseNumber: string, view: T): Promise<T> {
    const ids = new Set<string>();
    walk(view, (ref) => {
      ids.add(ref.textId);
      return ref;
    });
    if (ids.size === 0) return view;
    const rows: Array<{ id: string; list: boolean; items: string[] }> = await this.dataSource.query(
      'SELECT id::text AS id, list, items FROM case_text WHERE case_number = $1 AND id = ANY($2::uuid[])',
      [caseNumber, [...ids]],
    );
    const texts = new Map(rows.map((row) => [row.id, row.list ? row.items : row.items.join('\n')]));
    return walk(structuredClone(view), (ref) => texts.get(ref.textId) ?? null);
  }
}

/** Replaces every TextRef in `value` (in place) with what `replace` answers for it. */
function walk<T>(value: T, replace: (ref: TextRef) => unknown): T {
  if (isTextRef(value)) return replace(value) as T;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      value[i] = walk(item, replace);
    });
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = walk(record[key], replace);
  }
  return value;
}
