import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isValidPersonId } from '@cjg/domain';

class PersonIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isValidPersonId(value)) {
      throw new BadRequestException(
        'id must be 2–64 characters a–z, 0–9, - and _ (not a name, e-mail or BSN)',
      );
    }
    return value;
  }
}

/** The `:id` path parameter of a coordinator or client, validated. */
export function PersonIdParam(): ParameterDecorator {
  return (target, key, index) => {
    Param('id', new PersonIdPipe())(target, key, index);
    if (key !== undefined) {
      ApiParam({ name: 'id', example: 'client-0001' })(
        target,
        key,
        Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor,
      );
    }
  };
}
