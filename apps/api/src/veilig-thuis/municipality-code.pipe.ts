import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isValidMunicipalityCode } from '@cjg/domain';

@Injectable()
export class IsMunicipalityCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidMunicipalityCode(value)) {
      throw new BadRequestException(
        'municipalityCode must be a four-digit CBS gemeentecode (e.g. 0957)',
      );
    }
    return value;
  }
}
