export * from './data-source';
export * from './entities/client.entity';
export * from './entities/coordinator.entity';
export * from './entities/notification-ledger.entity';
export * from './entities/provider.entity';
export * from './entities/trajectory.entity';
export * from './migrate';
