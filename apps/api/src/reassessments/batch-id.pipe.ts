import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { BATCH_ID_PATTERN } from '@cjg/workflows/reassessment-batch.definitions';
import { BATCH_ID_MESSAGE } from './reassessment.dto';

@Injectable()
export class BatchIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!BATCH_ID_PATTERN.test(value)) throw new BadRequestException(BATCH_ID_MESSAGE);
    return value;
  }
}
