import { commandOf, expectedSmsNotices, lanesOf, shareOf, usersOfShare } from './workload';

const sizes = { users: 5, commandsPerUser: 4, inFlightPerProcess: 2 };

describe('the scaling workload', () => {
  it('given 5 users and 2 processes, when shared, then every user is in exactly one share', () => {
    expect([...shareOf(sizes, 0, 2), ...shareOf(sizes, 1, 2)].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('given a share, when laid out in lanes, then each user\'s commands keep their order within one lane', () => {
    const users = usersOfShare([1, 3, 4]);
    const lanes = lanesOf(users, sizes);
    const first = users[0];
    if (first === undefined) throw new Error('no user');
    const own = lanes.flat().filter((command) => JSON.stringify(command.data).includes(first.userId));
    expect(own).toEqual([0, 1, 2, 3].map((k) => commandOf(first, k)));
    expect(lanes.flat()).toHaveLength(users.length * sizes.commandsPerUser);
  });

  it('given two enrollments per user, when the notices are counted, then 2 + 3 SMS per user (the phones on file after each)', () => {
    expect(expectedSmsNotices(sizes)).toBe(5 * (2 + 3));
  });
});
