// The DataSource the TypeORM CLI loads (`npx typeorm -d dist/libs/persistence/src/data-source.cli.js`).
import { createDataSource } from './data-source';

export default createDataSource();
