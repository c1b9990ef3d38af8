import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isValidCaseNumber } from '@cjg/domain';

@Injectable()
export class CaseNumberPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidCaseNumber(value)) {
      throw new BadRequestException(
        'caseNumber must be 3–40 characters: A–Z, 0–9 and single hyphens (e.g. CJG-2026-000123)',
      );
    }
    return value;
  }
}
