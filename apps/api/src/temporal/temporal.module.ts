import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { lazyClient } from '@cjg/temporal/connection';
import { API_CONFIG, type ApiConfig } from '../config';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * The Temporal client. The connection is lazy: the API starts while Temporal is still coming up
 * (or down), answers 503 for workflow calls meanwhile, and /health says why.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [API_CONFIG],
      // With the payload codec: what the API sends is encrypted, what it reads is decrypted.
      useFactory: (config: ApiConfig) => lazyClient(config.temporal),
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
