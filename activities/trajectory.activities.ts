import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import { CoordinatorEntity, NotificationLedgerEntity, TrajectoryEntity } from '@cjg/persistence';
import { renderIntakeRegistered, type Letter, type SentMessage } from '@cjg/notifications';

/** What the activities need from the world; tests hand in real or fake ones. */
export interface ActivityDependencies {
  dataSource: DataSource;
  mailer: { send(to: string, letter: Letter): Promise<SentMessage> };
}

export interface TrajectoryRegistration {
  workflowId: string;
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
  clientId: string;
  phase: string;
  /** ISO instant. */
  startedAt: string;
}

export interface IntakeLetterRequest {
  workflowId: string;
  caseNumber: string;
  municipalityCode: string;
  coordinatorId: string;
}

export interface LetterOutcome {
  /** False when the ledger shows the letter went out on an earlier attempt. */
  sentNow: boolean;
}

export function createTrajectoryActivities({ dataSource, mailer }: ActivityDependencies) {
  return {
    /** Writes (or re-writes, on retry or replay) the trajectory row of the read model. */
    async recordTrajectoryRegistered(registration: TrajectoryRegistration): Promise<void> {
      await dataSource.getRepository(TrajectoryEntity).upsert(
        {
          caseNumber: registration.caseNumber,
          workflowId: registration.workflowId,
          municipalityCode: registration.municipalityCode,
          coordinatorId: registration.coordinatorId,
          clientId: registration.clientId,
          phase: registration.phase,
          startedAt: new Date(registration.startedAt),
          updatedAt: new Date(),
        },
        ['caseNumber'],
      );
    },

    /**
     * Tells the coordinator a new case is theirs. The address is read here, at send time, so it
     * never enters the workflow history and a corrected address is used by the next letter.
     */
    async sendIntakeRegisteredLetter(request: IntakeLetterRequest): Promise<LetterOutcome> {
      const coordinator = await dataSource
        .getRepository(CoordinatorEntity)
        .findOneBy({ id: request.coordinatorId });
      if (!coordinator) {
        throw ApplicationFailure.nonRetryable(
          `Coordinator ${request.coordinatorId} does not exist`,
          'UnknownCoordinator',
        );
      }
      const ledger = dataSource.getRepository(NotificationLedgerEntity);
      const key = { workflowId: request.workflowId, kind: 'intake-registered', sequence: 1 };
      await ledger
        .createQueryBuilder()
        .insert()
        .values({ ...key, recipientRef: `coordinator:${coordinator.id}`, status: 'sending' })
        .orIgnore()
        .execute();
      const entry = await ledger.findOneByOrFail(key);
      if (entry.status === 'sent') return { sentNow: false };

      const letter = renderIntakeRegistered({
        coordinatorName: coordinator.name,
        caseNumber: request.caseNumber,
        municipalityCode: request.municipalityCode,
      });
      const sent = await mailer.send(coordinator.email, letter);
      if (sent.rejected.length > 0) {
        throw ApplicationFailure.nonRetryable(
          `The mail server refused the address of coordinator ${coordinator.id}`,
          'RecipientRefused',
        );
      }
      await ledger.update(
        { id: entry.id },
        { status: 'sent', messageId: sent.messageId, sentAt: new Date() },
      );
      return { sentNow: true };
    },
  };
}

export type TrajectoryActivities = ReturnType<typeof createTrajectoryActivities>;
