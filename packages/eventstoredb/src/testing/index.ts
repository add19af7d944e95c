export { testEventStore } from './test-event-store';
