import { ApiProperty } from '@nestjs/swagger';
import { TRAJECTORY_PHASES, type TrajectoryPhase } from '@cjg/domain';
import { IsCaseNumber, IsMunicipalityCode, IsPersonId } from '../../common/validators';

export class StartTrajectoryDto {
  @ApiProperty({
    example: 'CJG-2026-000123',
    description: 'Zaaknummer; the workflow id derives from it',
  })
  @IsCaseNumber()
  caseNumber!: string;

  @ApiProperty({ example: '0957', description: 'CBS gemeentecode (four digits)' })
  @IsMunicipalityCode()
  municipalityCode!: string;

  @ApiProperty({
    example: 'coord-anna',
    description: 'A registered coordinator (PUT /coordinators/:id)',
  })
  @IsPersonId()
  coordinatorId!: string;

  @ApiProperty({ example: 'client-0001', description: 'A registered client (PUT /clients/:id)' })
  @IsPersonId()
  clientId!: string;

  @ApiProperty({
    example: 'fam-jansen',
    description: '1Gezin1Plan: the family id (samenloop is judged per family)',
  })
  @IsPersonId()
  familyId!: string;
}

export class TrajectoryStartedDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ example: 'trajectory-CJG-2026-000123' })
  workflowId!: string;

  @ApiProperty({
    description:
      'false when a trajectory with this case number already existed (nothing was started)',
  })
  created!: boolean;
}

/** The main fields of the `state` query; the full state has more (plan, beschikking, reviews…). */
export class TrajectoryStateDto {
  @ApiProperty({ example: 'CJG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ example: '0957' })
  municipalityCode!: string;

  @ApiProperty({ example: 'coord-anna' })
  coordinatorId!: string;

  @ApiProperty({ example: 'client-0001' })
  clientId!: string;

  @ApiProperty({ enum: TRAJECTORY_PHASES, example: 'intake' })
  phase!: TrajectoryPhase;

  @ApiProperty({ example: '2026-11-23T10:15:00.000Z' })
  startedAt!: string;

  @ApiProperty({
    description: 'Whether the coordinator has been sent the "intake registered" letter',
  })
  intakeLetterSent!: boolean;
}
