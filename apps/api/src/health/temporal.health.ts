import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

const PROBE_DEADLINE_MS = 3_000;

/** Up when the Temporal frontend answers a cheap call within a few seconds. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async check(key: string) {
    const indicator = this.indicators.check(key);
    const connection = this.client.connection;
    try {
      const info = await connection.withDeadline(Date.now() + PROBE_DEADLINE_MS, () =>
        connection.workflowService.getSystemInfo({}),
      );
      return indicator.up({ serverVersion: info.serverVersion ?? 'unknown' });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
