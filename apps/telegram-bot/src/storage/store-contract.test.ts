import { describe } from '@jest/globals';
import { monitoringContract } from '../testing/monitoring-contract';
import { outboxContract } from '../testing/outbox-contract';
import { scheduleStoreContract } from '../testing/schedule-contract';
import { settingsStoreContract } from '../testing/settings-contract';
import { STORE_BACKENDS } from '../testing/store-backends';
import { teamStoreContract } from '../testing/team-store-contract';
import { updateInboxContract } from '../testing/update-inbox-contract';
import { userStoreContract } from '../testing/user-store-contract';

// One contract for every store backend: the embedded SQLite one and the PostgreSQL one (on the
// throwaway server that jest's globalSetup starts) must behave alike, concurrency included.
describe.each(STORE_BACKENDS)('the $name stores', (backend) => {
  userStoreContract(backend);
  teamStoreContract(backend);
  settingsStoreContract(backend);
  updateInboxContract(backend);
  monitoringContract(backend);
  outboxContract(backend);
  scheduleStoreContract(backend);
});
