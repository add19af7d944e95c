// Check (3), the CommonJS side: a .cts file resolves the packages' `require` conditions and
// their .d.cts declarations.
import commands = require('@ssp/commands');
import domain = require('@ssp/domain');
import eventstore = require('@ssp/eventstore');
import projections = require('@ssp/projections');
import sqlite = require('@ssp/sqlite');
import type { EventStore } from '@ssp/eventstore';
import type { EventStoreFixture } from '@ssp/eventstore/conformance';

const handlerOver = (store: EventStore): commands.CommandHandler => commands.createCommandHandler({ store });

const codes: readonly domain.ErrorCode[] = domain.errorCodes;

const fixture = (): EventStoreFixture => {
  const store = eventstore.createInMemoryEventStore();
  return { store, teardown: () => store.close() };
};

const runnerOver = (path: string) => {
  const events = sqlite.openSqliteEventStore({ path });
  return events._tag === 'Right' // fp-ts's Either, read without importing fp-ts
    ? projections.createProjectionRunner({ events: events.right, readModels: eventstore.createInMemoryReadModelStore() })
    : sqlite.describeOpenError(events.left);
};

export = { handlerOver, codes, fixture, runnerOver };
